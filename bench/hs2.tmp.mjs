import { createAuthenticateRequest } from '@clerk/auth-state';
import { compare, rsaFixture } from './lib.mjs';
const fixture = rsaFixture();
const { publicPem, now } = fixture;
const publishableKey = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';
const token = fixture.token({ sid: 'sess_1', nbf: now - 10 });
const req = new Request('https://example.com/dashboard', { headers: { host: 'example.com', 'user-agent': 'Mozilla/5.0 (bench)', accept: 'text/html', 'sec-fetch-dest': 'document', cookie: `_ga=GA1.1.1; __client_uat=${now - 60}; __session=${token}; theme=dark` } });
const signedIn = async p => { const s = await p; if (s.status !== 'signed-in') throw new Error(s.status + s.reason); };
const auth = createAuthenticateRequest({ options: { secretKey: 'sk_live_bench', publishableKey, jwtKey: publicPem, env: {} } }).authenticateRequest;
const { verifyToken } = await import('@clerk/jwks-resolver');
const tasks = { old: () => signedIn(auth({ request: req })), current: () => signedIn(auth(req)), verify: () => verifyToken(token, { jwtKey: publicPem, env: {} }) };
if (process.argv[2] === 'prof') { for (let i = 0; i < 400000; i++) await tasks.current(); process.exit(0); }
for (const t of Object.values(tasks)) for (let i = 0; i < 20000; i++) await t();
await compare('cached', tasks, { floor: 'old', rounds: 12 });
