// verifyToken of @clerk/jwks-resolver side by side with the raw floors, fast-jwt, jose, @clerk/backend 0.38.15 and
// 3.x: local key, the WebCrypto path, JWKS steady state, verified-token cache hits, expired / forged / malformed
// tokens, request counts against a JWKS server on 127.0.0.1, bundle size, and the heap over
// 1,000,000 distinct tokens (in a child process).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyToken } from '@clerk/jwks-resolver';
import { verifyJwt } from '@clerk/jwt-core';
import { verifyToken as currentVerifyToken } from 'clerk-backend-3';
import { verifyToken as legacyVerifyToken } from 'clerk-backend-038';
import { createVerifier } from 'fast-jwt';
import { createRemoteJWKSet, importSPKI, jwtVerify } from 'jose';
import { buildWebVerifyToken, bundleSize, compare, rejecting, rejectionFloors, rsaFixture } from './lib.mjs';

const fixture = rsaFixture();
const { publicPem, now } = fixture;
const jwkOf = fixture.jwk;
const tokenFor = (kid, claims = {}) => fixture.token({ kid, ...claims });

// More distinct tokens than the verified-token cache holds (1000), so cycling through them never hits it.
const pool = Array.from({ length: 3000 }, (_, i) => tokenFor('ins_bench', { sid: `sess_${i}` }));
// Each task walks the pool on its own, strictly in order, so that every one of its tokens is a cache miss.
const tokenWalk = () => {
  let next = 0;
  return () => pool[next++ % pool.length];
};
const freshToken = tokenWalk();
const walking = task => {
  const nextToken = tokenWalk();
  return () => task(nextToken());
};
const repeated = pool[0];
const expired = tokenFor('ins_bench', { exp: now - 3600, iat: now - 7200, nbf: now - 7200 });
const [head, body] = pool[1].split('.');
const badSignature = `${head}.${body}.${pool[2].split('.')[2]}`;
const malformed = `${head}.${body.slice(0, -3)}!!!.c2ln`;

// One JWKS server; the first path segment says which library asked, so requests are counted per library.
const counts = new Map();
const server = createServer((req, res) => {
  const library = req.url.split('/')[1];
  counts.set(library, (counts.get(library) ?? 0) + 1);
  // A little latency, so that concurrent cold verifications really overlap.
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwkOf('ins_bench'), jwkOf('ins_cold')] }));
  }, 20);
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const requestsOf = async (library, work) => {
  const before = counts.get(library) ?? 0;
  await work();
  return (counts.get(library) ?? 0) - before;
};

const joseKey = await importSPKI(publicPem, 'RS256');
const local = { jwtKey: publicPem, env: {} };
const localUncached = { ...local, verifiedTokenCache: false };
const remote = { secretKey: 'sk_test_bench', apiUrl: `${base}/ours`, env: {} };
const legacyLocal = { jwtKey: publicPem, issuer: null };
const legacyRemote = { secretKey: 'sk_test_bench', apiUrl: `${base}/legacy`, issuer: null };
const currentLocal = { jwtKey: publicPem };
const currentRemote = { secretKey: 'sk_test_bench', apiUrl: `${base}/current` };
const joseJwks = createRemoteJWKSet(new URL(`${base}/jose/.well-known/jwks.json`));
const fastJwt = createVerifier({ key: publicPem, algorithms: ['RS256'] });
const fastJwtCached = createVerifier({ key: publicPem, algorithms: ['RS256'], cache: true });

// 3.x's types announce { data, errors }; the build resolves to the claims and rejects. Either way, one shape.
const current = async (token, options) => {
  const result = await currentVerifyToken(token, options);
  if (result?.errors) throw result.errors[0];
  return result && 'data' in result ? result.data : result;
};

// The floors: the least work that does what the row measures (see lib.mjs for the node:crypto one).
const nodeFloor = fixture.nodeFloor;
const webFloor = fixture.webFloor;
const floors = rejectionFloors(nodeFloor);

// Request counts (before anything warms the caches they look at). Unknown kids are sent one after another.
const afterWarmUp = async (warmUp, measure) => {
  await warmUp();
  return measure();
};
const each = async (tokens, verifyOne) => {
  for (const token of tokens) await verifyOne(token).catch(() => {});
};
const cold = Array.from({ length: 20 }, (_, i) => tokenFor('ins_cold', { sid: `sess_cold_${i}` }));
const forged = Array.from({ length: 20 }, (_, i) => tokenFor(`ins_forged_${i}`));
const coldJose = createRemoteJWKSet(new URL(`${base}/jose-cold/.well-known/jwks.json`));
const requestCounts = {
  '20 concurrent cold verifications': {
    ours: await requestsOf('ours-cold', () =>
      Promise.all(cold.map(t => verifyToken(t, { ...remote, apiUrl: `${base}/ours-cold` }))),
    ),
    jose: await requestsOf('jose-cold', () => Promise.all(cold.map(t => jwtVerify(t, coldJose)))),
    legacy: await requestsOf('legacy-cold', () =>
      Promise.all(cold.map(t => legacyVerifyToken(t, { ...legacyRemote, apiUrl: `${base}/legacy-cold` }))),
    ),
    current: await requestsOf('current-cold', () =>
      Promise.all(cold.map(t => current(t, { ...currentRemote, apiUrl: `${base}/current-cold` }))),
    ),
  },
  '20 unknown-kid tokens after warm-up': {
    ours: await afterWarmUp(
      () => verifyToken(freshToken(), remote),
      () => requestsOf('ours', () => each(forged, t => verifyToken(t, remote))),
    ),
    jose: await afterWarmUp(
      () => jwtVerify(freshToken(), joseJwks),
      () => requestsOf('jose', () => each(forged, t => jwtVerify(t, joseJwks))),
    ),
    legacy: await afterWarmUp(
      () => legacyVerifyToken(freshToken(), legacyRemote),
      () => requestsOf('legacy', () => each(forged, t => legacyVerifyToken(t, legacyRemote))),
    ),
    current: await afterWarmUp(
      () => current(freshToken(), currentRemote),
      () => requestsOf('current', () => each(forged, t => current(t, currentRemote))),
    ),
  },
};

// The WebCrypto build, as workerd and Edge run it, imported here.
const bundleDir = mkdtempSync(join(tmpdir(), 'jwks-resolver-bench-'));
const webBuild = join(bundleDir, 'verify-token.web.mjs');
await buildWebVerifyToken(webBuild);
const { verifyToken: webVerifyToken } = await import(webBuild);

for (const check of [
  verifyToken(freshToken(), local),
  verifyToken(freshToken(), remote),
  verifyToken(repeated, local),
  webVerifyToken(freshToken(), local),
  current(freshToken(), currentLocal),
]) {
  if ((await check).sub !== 'user_1') throw new Error('verification failed before benchmarking');
}
if (!nodeFloor(freshToken()) || !(await webFloor(freshToken()))) throw new Error('a floor failed');

const ROUNDS = 15;
const localRatios = await compare(
  'verifyToken, local key (jwtKey), 3,000 distinct tokens, RS256-2048 (floor: node:crypto, parse + claims + verify)',
  {
    'node:crypto floor': walking(token => nodeFloor(token)),
    '@clerk/jwks-resolver verifyToken': walking(token => verifyToken(token, local)),
    '@clerk/jwks-resolver verifyToken, cache off': walking(token => verifyToken(token, localUncached)),
    '(layer below) @clerk/jwt-core verifyJwt': walking(token => verifyJwt(token, { key: publicPem })),
    'fast-jwt createVerifier': walking(token => fastJwt(token)),
    'jose jwtVerify (imported key)': walking(token => jwtVerify(token, joseKey)),
    '@clerk/backend 0.38.15 verifyToken': walking(token => legacyVerifyToken(token, legacyLocal)),
    '@clerk/backend 3.x verifyToken': walking(token => current(token, currentLocal)),
  },
  { floor: 'node:crypto floor', rounds: ROUNDS },
);

const webRatios = await compare(
  'verifyToken on the WebCrypto path (the worker/browser bundle), 3,000 distinct tokens (floor: WebCrypto, parse + claims + subtle.verify)',
  {
    'WebCrypto floor': walking(token => webFloor(token)),
    '@clerk/jwks-resolver verifyToken (WebCrypto build)': walking(token => webVerifyToken(token, local)),
    'jose jwtVerify (imported key)': walking(token => jwtVerify(token, joseKey)),
    '@clerk/backend 3.x verifyToken': walking(token => current(token, currentLocal)),
  },
  { floor: 'WebCrypto floor', rounds: ROUNDS },
);

const remoteRatios = await compare(
  'verifyToken, JWKS steady state (warm cache), 3,000 distinct tokens (floor: node:crypto)',
  {
    'node:crypto floor': walking(token => nodeFloor(token)),
    '@clerk/jwks-resolver verifyToken (Backend API JWKS)': walking(token => verifyToken(token, remote)),
    'jose jwtVerify + createRemoteJWKSet': walking(token => jwtVerify(token, joseJwks)),
    '@clerk/backend 0.38.15 verifyToken (Backend API JWKS)': walking(token =>
      legacyVerifyToken(token, legacyRemote),
    ),
    '@clerk/backend 3.x verifyToken (Backend API JWKS)': walking(token => current(token, currentRemote)),
  },
  { floor: 'node:crypto floor', rounds: ROUNDS },
);

const hitRatios = await compare(
  'verifyToken, the same token again (verified-token cache hit) (floor: node:crypto)',
  {
    'node:crypto floor': () => nodeFloor(repeated),
    '@clerk/jwks-resolver verifyToken, local key': () => verifyToken(repeated, local),
    '@clerk/jwks-resolver verifyToken, JWKS': () => verifyToken(repeated, remote),
    'fast-jwt createVerifier({ cache: true })': () => fastJwtCached(repeated),
    'jose jwtVerify (imported key)': () => jwtVerify(repeated, joseKey),
    '@clerk/backend 0.38.15 verifyToken': () => legacyVerifyToken(repeated, legacyLocal),
    '@clerk/backend 3.x verifyToken': () => current(repeated, currentLocal),
  },
  { floor: 'node:crypto floor', rounds: ROUNDS },
);

const rejectionRows = {};
for (const [name, token, floor] of [
  ['expired', expired, floors.expired],
  ['bad signature', badSignature, floors['bad signature']],
  ['malformed', malformed, floors.malformed],
]) {
  rejectionRows[name] = await compare(
    `verifyToken, ${name} token rejected (floor: an async function that finds the failure and throws)`,
    {
      'rejection floor (async)': rejecting(floor).bind(null, token),
      '@clerk/jwks-resolver verifyToken, local key': rejecting(t => verifyToken(t, local)).bind(null, token),
      '@clerk/jwks-resolver verifyToken, JWKS': rejecting(t => verifyToken(t, remote)).bind(null, token),
      'fast-jwt createVerifier': rejecting(fastJwt).bind(null, token),
      'jose jwtVerify (imported key)': rejecting(t => jwtVerify(t, joseKey)).bind(null, token),
      '@clerk/backend 0.38.15 verifyToken': rejecting(t => legacyVerifyToken(t, legacyLocal)).bind(
        null,
        token,
      ),
      '@clerk/backend 3.x verifyToken': rejecting(t => current(t, currentLocal)).bind(null, token),
    },
    { floor: 'rejection floor (async)', rounds: ROUNDS },
  );
}
server.close();

rmSync(bundleDir, { recursive: true, force: true });

// Bundle of an entry that imports only `verifyToken` (esbuild, minified, gzip).
const bundles = {};
for (const platform of ['edge', 'node']) {
  bundles[platform] = {
    ours: await bundleSize("export { verifyToken } from '@clerk/jwks-resolver';", platform),
    umbrella: await bundleSize("export { verifyToken } from '@clerk/backend';", platform),
    jose: await bundleSize("export { createRemoteJWKSet, importSPKI, jwtVerify } from 'jose';", platform),
    legacy: await bundleSize("export { verifyToken } from 'clerk-backend-038';", platform),
  };
}

// 1,000,000 distinct tokens through verifyToken in a child process with --expose-gc: one in 100 validly signed
// (10,000 distinct, so the verified-token cache churns), the others forged (distinct payloads, a
// signature of the wrong length) and one in 10 with a header of its own (the shared-header cache churns too).
const heapDir = mkdtempSync(join(tmpdir(), 'jwks-resolver-heap-'));
const heapFixture = join(heapDir, 'fixture.json');
writeFileSync(
  heapFixture,
  JSON.stringify({
    publicPem,
    tokens: Array.from({ length: 10_000 }, (_, i) => tokenFor('ins_bench', { sid: `h${i}` })),
  }),
);
const heapScript = `
  import { readFileSync } from 'node:fs';
  import { verifyToken } from '@clerk/jwks-resolver';
  const { publicPem, tokens } = JSON.parse(readFileSync(${JSON.stringify(heapFixture)}, 'utf8'));
  const options = { jwtKey: publicPem, env: {} };
  const b64 = value => Buffer.from(JSON.stringify(value)).toString('base64url');
  const [, payload] = tokens[0].split('.');
  // A signature of the wrong length: each forged token is decoded and checked in full, then refused cheaply.
  const signature = 'c2ln';
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  globalThis.gc();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  let verified = 0;
  for (let i = 0; i < 1_000_000; i++) {
    const token = i % 100 === 0
      ? tokens[(i / 100) % tokens.length]
      : b64({ alg: 'RS256', typ: 'JWT', kid: i % 10 === 1 ? 'ins_' + i : 'ins_bench' }) + '.' + b64({ ...claims, sid: 's' + i }) + '.' + signature;
    if (await verifyToken(token, options).then(() => true, () => false)) verified++;
    if (i % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  globalThis.gc();
  console.log(JSON.stringify({ start, peak, end: process.memoryUsage().heapUsed, verified }));
`;
const heapChild = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', heapScript], {
  cwd: import.meta.dirname,
  encoding: 'utf8',
});
rmSync(heapDir, { recursive: true, force: true });
if (heapChild.status !== 0) throw new Error(`heap run failed: ${heapChild.stderr}`);
const heap = JSON.parse(heapChild.stdout.trim());

const kb = bytes => `${(bytes / 1024).toFixed(2)} KiB (${bytes} B)`;
const mib = bytes => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
console.log('### Requests to the JWKS server\n');
console.log(
  '| scenario | @clerk/jwks-resolver | jose createRemoteJWKSet | @clerk/backend 0.38.15 | @clerk/backend 3.x |',
);
console.log('|---|---:|---:|---:|---:|');
for (const [scenario, n] of Object.entries(requestCounts))
  console.log(`| ${scenario} | ${n.ours} | ${n.jose} | ${n.legacy} | ${n.current} |`);
console.log(
  '\n### Bundle of an entry importing only `verifyToken` (esbuild --minify, gzip; 1 KiB = 1024 B)\n',
);
console.log(
  '| platform | @clerk/jwks-resolver | @clerk/backend | jose (remote JWKS + verify) | @clerk/backend 0.38.15 |',
);
console.log('|---|---:|---:|---:|---:|');
for (const [platform, b] of Object.entries(bundles)) {
  console.log(
    `| ${platform} | ${kb(b.ours.gzip)} | ${kb(b.umbrella.gzip)} | ${kb(b.jose.gzip)} | ${kb(b.legacy.gzip)} |`,
  );
}
console.log('\n### 1,000,000 distinct tokens through verifyToken (heapUsed)\n');
console.log(
  '| after a GC, before | peak (sampled every 10,000) | after a GC, after | tokens that verified |',
);
console.log('|---:|---:|---:|---:|');
console.log(`| ${mib(heap.start)} | ${mib(heap.peak)} | ${mib(heap.end)} | ${heap.verified} |`);

const fast = localRatios['fast-jwt createVerifier'];
const targets = [
  [
    'local key, 3,000 distinct tokens',
    localRatios['@clerk/jwks-resolver verifyToken'],
    Math.min(1.05, fast),
    `x the node:crypto floor (<= 1.05x and <= fast-jwt's ${fast.toFixed(2)}x)`,
  ],
  [
    'WebCrypto path, 3,000 distinct tokens',
    webRatios['@clerk/jwks-resolver verifyToken (WebCrypto build)'],
    1.05,
    'x the WebCrypto floor',
  ],
  [
    'JWKS steady state',
    remoteRatios['@clerk/jwks-resolver verifyToken (Backend API JWKS)'],
    1.05,
    'x the floor',
  ],
  [
    'repeated token (cache hit), local key',
    hitRatios['@clerk/jwks-resolver verifyToken, local key'],
    0.08,
    'x the floor',
  ],
  [
    'repeated token (cache hit), JWKS',
    hitRatios['@clerk/jwks-resolver verifyToken, JWKS'],
    0.08,
    'x the floor',
  ],
  [
    'expired, local key',
    rejectionRows.expired['@clerk/jwks-resolver verifyToken, local key'],
    1.5,
    'x its floor',
  ],
  [
    'bad signature, local key',
    rejectionRows['bad signature']['@clerk/jwks-resolver verifyToken, local key'],
    1.3,
    'x its floor',
  ],
  [
    'malformed, local key',
    rejectionRows.malformed['@clerk/jwks-resolver verifyToken, local key'],
    2,
    'x its floor',
  ],
  [
    '20 concurrent cold verifications',
    requestCounts['20 concurrent cold verifications'].ours,
    1,
    ' request(s)',
  ],
  [
    '20 unknown-kid tokens after warm-up',
    requestCounts['20 unknown-kid tokens after warm-up'].ours,
    0,
    ' request(s)',
  ],
  ['bundle `{ verifyToken }` of @clerk/backend, edge (gzip)', bundles.edge.umbrella.gzip / 1024, 6, ' KiB'],
];
console.log('\n### Targets\n');
console.log('| measure | result | target | met |\n|---|---:|---:|---|');
for (const [name, value, limit, unit] of targets) {
  const shown = Number.isInteger(value) ? value : value.toFixed(2);
  console.log(
    `| ${name} | ${shown}${unit} | <= ${Number.isInteger(limit) ? limit : limit.toFixed(2)} | ${value <= limit ? 'yes' : 'NO'} |`,
  );
}
