import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { createAuthenticateRequest } from '@clerk/auth-state';
import { rsaFixture } from './lib.mjs';
const fixture = rsaFixture();
const { publicPem, now } = fixture;
const publishableKey = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';
const reqs = Array.from({ length: 1200 }, (_, i) => fixture.token({ sid: `s_${i}`, nbf: now - 10 })).map(token => new Request('https://example.com/dashboard', { headers: { host: 'example.com', 'user-agent': 'Mozilla/5.0 (bench)', accept: 'text/html', 'sec-fetch-dest': 'document', cookie: `_ga=GA1.1.1; __client_uat=${now - 60}; __session=${token}; theme=dark` } }));
const auth = createAuthenticateRequest({ options: { secretKey: 'sk_live_bench', publishableKey, jwtKey: publicPem, env: {} } }).authenticateRequest;
const mode = process.argv[2];
const run = mode === 'cur' ? r => auth(r) : r => auth({ request: r });
for (let i = 0; i < 5000; i++) await run(reqs[i % 1200]);
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 50 }); await s.post('Profiler.start');
const t = process.cpuUsage();
for (let i = 0; i < 20000; i++) { const st = await run(reqs[i % 1200]); if (st.status !== 'signed-in') throw new Error(st.reason); }
const u = process.cpuUsage(t);
const { profile } = await s.post('Profiler.stop');
writeFileSync(`/tmp/p-${mode}.cpuprofile`, JSON.stringify(profile));
console.log(mode, ((u.user + u.system) / 20000).toFixed(1), 'µs/op (profiled)');
