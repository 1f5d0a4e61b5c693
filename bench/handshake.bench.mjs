// The current call form of authenticateRequest (`(request, options)`, the handshake rules) on its signed-in
// cookie path, side by side with the 0.x form of the same package, @clerk/backend 3.x (`clerk-backend-3`)
// and a floor (read the cookie, one node:crypto signature check). Fresh tokens: 1200 distinct ones, more
// than the verified-token cache holds. Target: the current form within 1.1x of the 0.x form.
import { createServer } from 'node:http';
import { createAuthenticateRequest } from '@clerk/auth-state';
import { createClerkClient } from 'clerk-backend-3';
import { compare, cookieFloorWith, rsaFixture, signedIn } from './lib.mjs';

const fixture = rsaFixture();
const { publicPem, now } = fixture;
// Production key of the reference (Frontend API clerk.example.com), the fixture's issuer.
const publishableKey = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';
const secretKey = 'sk_live_bench';

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ keys: [fixture.jwk('ins_bench')] }));
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const apiUrl = `http://127.0.0.1:${server.address().port}`;

// Each task walks its own 1200 distinct tokens, more than the verified-token cache holds, so that no task
// ever verifies a token another task has just verified (they share key sources).
const requestsFor = prefix =>
  Array.from({ length: 1200 }, (_, i) => fixture.token({ sid: `${prefix}_${i}`, nbf: now - 10 })).map(
    token =>
      // A page navigation of a signed-in browser; the same request shape serves both forms.
      new Request('https://example.com/dashboard', {
        headers: {
          host: 'example.com',
          'user-agent': 'Mozilla/5.0 (bench)',
          accept: 'text/html',
          'sec-fetch-dest': 'document',
          cookie: `_ga=GA1.1.1; __client_uat=${now - 60}; __session=${token}; theme=dark`,
        },
      }),
  );
const walk = task => {
  const requests = requestsFor(`sess_${Math.random().toString(36).slice(2)}`);
  let next = 0;
  return () => task(requests[next++ % requests.length]);
};
const floor = cookieFloorWith(fixture.nodeFloor);
const variants = {
  local: { secretKey, publishableKey, jwtKey: publicPem },
  remote: { secretKey, publishableKey, apiUrl },
};
const ours = Object.fromEntries(
  Object.entries(variants).map(([name, options]) => [
    name,
    createAuthenticateRequest({ options: { ...options, env: {} } }).authenticateRequest,
  ]),
);
const current = Object.fromEntries(
  Object.entries(variants).map(([name, options]) => [name, createClerkClient(options)]),
);

const OLD = '@clerk/auth-state, 0.x form ({ request })';
const CURRENT = '@clerk/auth-state, current form (request)';
const THEIRS = '@clerk/backend 3.x (request)';
const tasks = variant => ({
  floor: walk(floor),
  [OLD]: walk(request => signedIn(ours[variant]({ request }))),
  [CURRENT]: walk(request => signedIn(ours[variant](request))),
  [THEIRS]: walk(request => signedIn(current[variant].authenticateRequest(request))),
});

const results = {};
for (const variant of ['local', 'remote']) {
  const all = tasks(variant);
  for (const task of Object.values(all)) for (let i = 0; i < 3000; i++) await task();
  results[variant] = await compare(
    `authenticateRequest, signed-in cookie path, ${variant === 'local' ? 'local key (jwtKey)' : 'JWKS steady state'}, fresh token (floor: read cookie + node:crypto verify)`,
    all,
    { floor: 'floor', rounds: 24 },
  );
}
server.close();

console.log('### Target: the current form within 1.1x of the 0.x form\n');
console.log('| key source | current / 0.x form | 3.x / current form | met |');
console.log('|---|---:|---:|---|');
for (const [variant, r] of Object.entries(results)) {
  const ratio = r[CURRENT] / r[OLD];
  console.log(
    `| ${variant === 'local' ? 'local key' : 'JWKS'} | ${ratio.toFixed(2)}x | ${(r[THEIRS] / r[CURRENT]).toFixed(1)}x | ${ratio <= 1.1 ? 'yes' : 'NO'} |`,
  );
}
