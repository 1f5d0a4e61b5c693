import { createAuthenticateRequest } from '@clerk/auth-state';
import { compare, rsaFixture } from './lib.mjs';
const fixture = rsaFixture();
const { publicPem, now } = fixture;
const publishableKey = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';
const requestsFor = prefix => Array.from({ length: 1200 }, (_, i) => fixture.token({ sid: `${prefix}_${i}`, nbf: now - 10 })).map(token => new Request('https://example.com/dashboard', { headers: { host: 'example.com', 'user-agent': 'Mozilla/5.0 (bench)', accept: 'text/html', 'sec-fetch-dest': 'document', cookie: `_ga=GA1.1.1; __client_uat=${now - 60}; __session=${token}; theme=dark` } }));
const walk = task => { const requests = requestsFor(`sess_${Math.random().toString(36).slice(2)}`); let next = 0; return () => task(requests[next++ % requests.length]); };
const signedIn = async p => { const s = await p; if (s.status !== 'signed-in') throw new Error(s.status + s.reason); };
const auth = createAuthenticateRequest({ options: { secretKey: 'sk_live_bench', publishableKey, jwtKey: publicPem, env: {} } }).authenticateRequest;
const mode = process.argv[2] || 'compare';
const OLD = walk(r => signedIn(auth({ request: r })));
const CUR = walk(r => signedIn(auth(r)));
if (mode === 'compare') {
  for (const t of [OLD, CUR]) for (let i = 0; i < 3000; i++) await t();
  const r = await compare('hs', { old: OLD, current: CUR }, { floor: 'old', rounds: Number(process.argv[3] || 16) });
} else {
  const t = mode === 'cur' ? CUR : OLD;
  for (let i = 0; i < 30000; i++) await t();
}
