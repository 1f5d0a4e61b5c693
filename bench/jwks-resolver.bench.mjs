// verifyToken of @clerk/jwks-resolver side by side with the raw floors, jose and @clerk/backend 0.38.15:
// local key, JWKS steady state, verified-token cache hits, expired tokens, request counts against a JWKS
// server on 127.0.0.1, import + first verify in a fresh process, and the bundle size of `verifyToken`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyToken } from '@clerk/jwks-resolver';
import { verifyJwt } from '@clerk/jwt-core';
import { verifyToken as legacyVerifyToken } from 'clerk-backend-038';
import { build } from 'esbuild';
import { createRemoteJWKSet, importSPKI, jwtVerify } from 'jose';
import { bundleSize, compare, rsaFixture } from './lib.mjs';

const fixture = rsaFixture();
const { publicPem, now } = fixture;
const jwkOf = fixture.jwk;
const tokenFor = (kid, claims = {}) => fixture.token({ kid, ...claims });

// More distinct tokens than the verified-token cache holds (1000), so cycling through them never hits it.
const pool = Array.from({ length: 1200 }, (_, i) => tokenFor('ins_bench', { sid: `sess_${i}` }));
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

const benchJwk = jwkOf('ins_bench');
const joseKey = await importSPKI(publicPem, 'RS256');
const local = { jwtKey: publicPem, env: {} };
const localUncached = { ...local, verifiedTokenCache: false };
const remote = { secretKey: 'sk_test_bench', apiUrl: `${base}/ours`, env: {} };
const legacyRemote = { secretKey: 'sk_test_bench', apiUrl: `${base}/legacy`, issuer: null };
const joseJwks = createRemoteJWKSet(new URL(`${base}/jose/.well-known/jwks.json`));

// The least work that verifies a token: split, decode the signature, one node:crypto check.
const nodeFloor = fixture.nodeFloor;
// The least work that rejects an expired token: decode the payload, compare `exp`, throw. The async form is
// the floor for a promise-returning verifier (every contender here), the sync one is shown for reference.
function checkExpiry(token) {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  if (payload.exp * 1000 <= Date.now()) throw new Error('expired');
  return payload;
}
function syncRejectionFloor(token) {
  try {
    return checkExpiry(token);
  } catch {
    return false;
  }
}
const asyncRejectionFloor = async token => checkExpiry(token);
const swallow = promise =>
  promise.then(
    () => {
      throw new Error('an expired token verified');
    },
    () => false,
  );

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
  },
};

for (const check of [
  verifyToken(freshToken(), local),
  verifyToken(freshToken(), remote),
  verifyToken(repeated, local),
]) {
  if ((await check).sub !== 'user_1') throw new Error('verification failed before benchmarking');
}

const localRatios = await compare(
  'verifyToken, local key (jwtKey), fresh token, RS256-2048 (floor: node:crypto verify)',
  {
    'node:crypto floor': walking(token => nodeFloor(token)),
    '@clerk/jwks-resolver verifyToken': walking(token => verifyToken(token, local)),
    '@clerk/jwks-resolver verifyToken, cache off': walking(token => verifyToken(token, localUncached)),
    '(layer below) @clerk/jwt-core verifyJwt': walking(token => verifyJwt(token, { key: publicPem })),
    'jose jwtVerify (imported key)': walking(token => jwtVerify(token, joseKey)),
    '@clerk/backend 0.38.15 verifyToken': walking(token => legacyVerifyToken(token, { jwtKey: publicPem })),
  },
  { floor: 'node:crypto floor', rounds: 25 },
);

const remoteRatios = await compare(
  'verifyToken, JWKS steady state (warm cache), fresh token (floor: node:crypto verify)',
  {
    'node:crypto floor': walking(token => nodeFloor(token)),
    '@clerk/jwks-resolver verifyToken (Backend API JWKS)': walking(token => verifyToken(token, remote)),
    '(layer below) @clerk/jwt-core verifyJwt, key given': walking(token =>
      verifyJwt(token, { key: benchJwk }),
    ),
    'jose jwtVerify + createRemoteJWKSet': walking(token => jwtVerify(token, joseJwks)),
    '@clerk/backend 0.38.15 verifyToken (Backend API JWKS)': walking(token =>
      legacyVerifyToken(token, legacyRemote),
    ),
  },
  { floor: 'node:crypto floor', rounds: 25 },
);

const hitRatios = await compare(
  'verifyToken, the same token again (verified-token cache hit) (floor: node:crypto verify)',
  {
    'node:crypto floor': () => nodeFloor(repeated),
    '@clerk/jwks-resolver verifyToken, local key': () => verifyToken(repeated, local),
    '@clerk/jwks-resolver verifyToken, JWKS': () => verifyToken(repeated, remote),
    'jose jwtVerify (imported key)': () => jwtVerify(repeated, joseKey),
    '@clerk/backend 0.38.15 verifyToken': () => legacyVerifyToken(repeated, { jwtKey: publicPem }),
  },
  { floor: 'node:crypto floor', rounds: 25 },
);

const expiredRatios = await compare(
  'verifyToken, expired token rejected (floor: async function that decodes the payload, compares exp, throws)',
  {
    'rejection floor (async)': () => swallow(asyncRejectionFloor(expired)),
    'rejection floor (sync, for reference)': () => syncRejectionFloor(expired),
    '@clerk/jwks-resolver verifyToken, local key': () => swallow(verifyToken(expired, local)),
    '@clerk/jwks-resolver verifyToken, JWKS': () => swallow(verifyToken(expired, remote)),
    'jose jwtVerify (imported key)': () => swallow(jwtVerify(expired, joseKey)),
    '@clerk/backend 0.38.15 verifyToken': () => swallow(legacyVerifyToken(expired, { jwtKey: publicPem })),
  },
  { floor: 'rejection floor (async)', rounds: 25 },
);
server.close();

// Import + first verification in a fresh Node process, timed inside it (Node's own start-up excluded).
const firstVerify = {
  'import @clerk/jwt-core only': `const t = performance.now(); await import('@clerk/jwt-core'); console.log(performance.now() - t);`,
  'import jose only': `const t = performance.now(); await import('jose'); console.log(performance.now() - t);`,
  '@clerk/jwks-resolver import + verifyToken': `const t = performance.now(); const { verifyToken } = await import('@clerk/jwks-resolver');
    await verifyToken(process.env.TOKEN, { jwtKey: process.env.PEM, env: {} }); console.log(performance.now() - t);`,
  'jose import + importSPKI + jwtVerify': `const t = performance.now(); const { importSPKI, jwtVerify } = await import('jose');
    await jwtVerify(process.env.TOKEN, await importSPKI(process.env.PEM, 'RS256')); console.log(performance.now() - t);`,
  '@clerk/backend 0.38.15 import + verifyToken': `const t = performance.now(); const { verifyToken } = await import('clerk-backend-038');
    await verifyToken(process.env.TOKEN, { jwtKey: process.env.PEM }); console.log(performance.now() - t);`,
};
// The same entry bundled for Node (esbuild), as deployments that bundle load it: one file instead of the
// many small ESM modules of the packages and of jose.
const bundleDir = mkdtempSync(join(tmpdir(), 'jwks-resolver-bench-'));
const bundled = join(bundleDir, 'verify-token.mjs');
await build({
  stdin: { contents: "export { verifyToken } from '@clerk/jwks-resolver';", resolveDir: import.meta.dirname },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: bundled,
  logLevel: 'silent',
});
firstVerify['@clerk/jwks-resolver bundled for Node (esbuild), import + verifyToken'] =
  `const t = performance.now(); const { verifyToken } = await import(${JSON.stringify(bundled)});
    await verifyToken(process.env.TOKEN, { jwtKey: process.env.PEM, env: {} }); console.log(performance.now() - t);`;
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const coldStart = {};
for (const [name, script] of Object.entries(firstVerify)) {
  const runs = [];
  for (let i = 0; i < 7; i++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: import.meta.dirname,
      env: { ...process.env, TOKEN: freshToken(), PEM: publicPem },
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`${name} first verify failed: ${child.stderr}`);
    runs.push(Number(child.stdout.trim()));
  }
  coldStart[name] = median(runs);
}
rmSync(bundleDir, { recursive: true, force: true });

// Bundle of an entry that imports only `verifyToken` (esbuild, minified, gzip).
const bundles = {};
for (const platform of ['browser', 'node']) {
  bundles[platform] = {
    ours: await bundleSize("export { verifyToken } from '@clerk/jwks-resolver';", platform),
    jose: await bundleSize("export { createRemoteJWKSet, importSPKI, jwtVerify } from 'jose';", platform),
    legacy: await bundleSize("export { verifyToken } from 'clerk-backend-038';", platform),
  };
}

const kb = bytes => `${(bytes / 1024).toFixed(2)} KiB (${bytes} B)`;
console.log('### Requests to the JWKS server\n');
console.log('| scenario | @clerk/jwks-resolver | jose createRemoteJWKSet | @clerk/backend 0.38.15 |');
console.log('|---|---:|---:|---:|');
for (const [scenario, n] of Object.entries(requestCounts))
  console.log(`| ${scenario} | ${n.ours} | ${n.jose} | ${n.legacy} |`);
console.log('\n### Import + first verify in a fresh Node process (median of 7, ms)\n');
console.log('| what | ms |\n|---|---:|');
for (const [name, ms] of Object.entries(coldStart)) console.log(`| ${name} | ${ms.toFixed(1)} |`);
console.log(
  '\n### Bundle of an entry importing only `verifyToken` (esbuild --minify, gzip; 1 KiB = 1024 B)\n',
);
console.log('| platform | @clerk/jwks-resolver | jose (remote JWKS + verify) | @clerk/backend 0.38.15 |');
console.log('|---|---:|---:|---:|');
for (const [platform, b] of Object.entries(bundles)) {
  console.log(`| ${platform} | ${kb(b.ours.gzip)} | ${kb(b.jose.gzip)} | ${kb(b.legacy.gzip)} |`);
}

const targets = [
  ['local key, fresh token', localRatios['@clerk/jwks-resolver verifyToken'], 1.5, 'x the node:crypto floor'],
  [
    'JWKS steady state',
    remoteRatios['@clerk/jwks-resolver verifyToken (Backend API JWKS)'],
    1.5,
    'x the floor',
  ],
  [
    'repeated token (cache hit), local key',
    hitRatios['@clerk/jwks-resolver verifyToken, local key'],
    0.2,
    'x the floor',
  ],
  [
    'repeated token (cache hit), JWKS',
    hitRatios['@clerk/jwks-resolver verifyToken, JWKS'],
    0.2,
    'x the floor',
  ],
  [
    'expired-token rejection, local key',
    expiredRatios['@clerk/jwks-resolver verifyToken, local key'],
    2,
    'x the async rejection floor',
  ],
  [
    'expired-token rejection, JWKS',
    expiredRatios['@clerk/jwks-resolver verifyToken, JWKS'],
    2,
    'x the async rejection floor',
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
  ['import + first verify (ms)', coldStart['@clerk/jwks-resolver import + verifyToken'], 30, ' ms'],
  ['bundle, platform node (gzip)', bundles.node.ours.gzip / 1024, 7.5, ' KiB'],
  ['bundle, platform browser (gzip)', bundles.browser.ours.gzip / 1024, 7.5, ' KiB'],
];
console.log('\n### Targets\n');
console.log('| measure | result | target | met |\n|---|---:|---:|---|');
for (const [name, value, limit, unit] of targets) {
  const shown = Number.isInteger(value) ? value : value.toFixed(2);
  console.log(`| ${name} | ${shown}${unit} | <= ${limit}${unit} | ${value <= limit ? 'yes' : 'NO'} |`);
}
