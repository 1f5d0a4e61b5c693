// Instructions per call, counted by valgrind (cachegrind, no cache simulation), for the rows of issues 16-18
// whose CPU-time ratios move by up to ±0.15x between identical runs on the shared 2-core machine. A count does
// not depend on what else the machine runs, so these ratios repeat to about a percent; it weighs every
// instruction alike, so it does not see cache misses or the time a thread waits, which the CPU-time tables do.
//
// Each row is two processes under valgrind that do the same setup and warm-up and then differ only in how many
// calls they make (SHORT, then LONG): the difference of their counts divided by the difference of their calls
// is the row's cost of one call, with Node's start-up, the imports and the JIT's warm-up cancelled out. The key,
// the tokens and the clock are made once here and handed to every child, so that the children's setups count
// the same (key generation draws random primes; signing 3,000 tokens under valgrind would take minutes). The
// children run with `--single-threaded`: V8 then compiles and collects on the main thread when a count or an
// allocation asks for it, not whenever a background thread gets its turn, so the same calls count the same.
// Request flows (authenticateRequest) allocate some kilobytes a call: with the default young generation a
// collection more or less in either child moved the difference by up to 100 M instructions (the same row came out
// anywhere from 0.75x to 1.46x the floor). Their children get a fixed 64 MB young generation instead, which the
// counted calls do not fill, so that the only collections are the two `gc()` calls around them.
// `INSTRUCTIONS_ONLY=<text>` counts only the groups whose title contains the text (`cookie`: the flows).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildWebVerifyToken,
  cookieFloorWith,
  rejecting,
  rejectionFloors,
  rsaFixture,
  signedIn,
  userJSON,
} from './lib.mjs';

const POOL = 3000; // distinct tokens, more than the verified-token cache holds: every walk is a miss
const WARM_UP = 1000;
const SHORT = 300;
const LONG = 1300;
// The deserializer is some thousand instructions a call: more calls, so that one call's count is well above
// the run-to-run difference of the JIT's background work.
const CHEAP = { warmUp: 30_000, short: 20_000, long: 120_000 };
// The flows' young generation (MB per semi-space): LONG calls of a flow allocate well under it.
const YOUNG_GENERATION = ['--min-semi-space-size=64', '--max-semi-space-size=64'];

const secretKey = 'sk_live_bench';
// the current form needs it; its Frontend API is clerk.example.com, the fixture's issuer
const publishableKey = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';
// Valgrind runs Node some 50 times slower: the first JWKS load gets more than its default 5 s.
const VALGRIND_JWKS_TIMEOUTS = { jwksLoadTimeoutInMs: 300_000, jwksFetchTimeoutInMs: 300_000 };

// Row name -> (fixture) => an async setup giving the function one call runs; every group's first row is its
// floor. Rows of one group walk the same tokens.
const groups = {
  'verifyToken, local key (jwtKey), 3,000 distinct tokens (floor: node:crypto, parse + claims + verify)': {
    'node:crypto floor': f => walking(f.tokens, token => f.nodeFloor(token)),
    '@clerk/jwks-resolver verifyToken': async f => {
      const { verifyToken } = await import('@clerk/jwks-resolver');
      const options = { jwtKey: f.publicPem, env: {} };
      return walking(f.tokens, token => verifyToken(token, options));
    },
    'fast-jwt createVerifier': async f => {
      const { createVerifier } = await import('fast-jwt');
      const verify = createVerifier({ key: f.publicPem, algorithms: ['RS256'] });
      return walking(f.tokens, token => verify(token));
    },
  },
  'verifyToken, JWKS steady state (warm cache), 3,000 distinct tokens (floor: node:crypto)': {
    'node:crypto floor': f => walking(f.tokens, token => f.nodeFloor(token)),
    '@clerk/jwks-resolver verifyToken (Backend API JWKS)': async f => {
      const { verifyToken } = await import('@clerk/jwks-resolver');
      const options = { secretKey, apiUrl: await jwksServer(f), env: {}, ...VALGRIND_JWKS_TIMEOUTS };
      return walking(f.tokens, token => verifyToken(token, options));
    },
  },
  'verifyToken on the WebCrypto path (the worker/browser bundle), 3,000 distinct tokens (floor: WebCrypto)': {
    'WebCrypto floor': f => walking(f.tokens, token => f.webFloor(token)),
    '@clerk/jwks-resolver verifyToken (WebCrypto build)': async f => {
      const { verifyToken } = await import(f.webBuild);
      const options = { jwtKey: f.publicPem, env: {} };
      return walking(f.tokens, token => verifyToken(token, options));
    },
  },
  ...Object.fromEntries(
    ['expired', 'bad signature', 'malformed'].map(kind => [
      `verifyToken, ${kind} token rejected (floor: an async function that finds the failure and throws)`,
      {
        'rejection floor (async)': f => {
          const reject = rejecting(rejectionFloors(f.nodeFloor)[kind]);
          return () => reject(f.rejected[kind]);
        },
        '@clerk/jwks-resolver verifyToken': async f => {
          const { verifyToken } = await import('@clerk/jwks-resolver');
          const options = { jwtKey: f.publicPem, env: {} };
          const reject = rejecting(token => verifyToken(token, options));
          return () => reject(f.rejected[kind]);
        },
      },
    ]),
  ),
  'authenticateRequest({ request, ...options }), cookie flow, local key, 3,000 distinct tokens (floor: read cookie + node:crypto verify)':
    {
      'cookie floor': f => walking(f.tokens.map(cookieRequest(f)), cookieFloorWith(f.nodeFloor)),
      '@clerk/auth-state authenticateRequest({ request, ...options })': async f => {
        const { authenticateRequest } = await import('@clerk/auth-state');
        const options = { secretKey, jwtKey: f.publicPem, env: {} };
        return walking(f.tokens.map(cookieRequest(f)), request =>
          signedIn(authenticateRequest({ request, ...options })),
        );
      },
    },
  ...Object.fromEntries(
    ['local key (jwtKey)', 'JWKS steady state'].map(variant => [
      `authenticateRequest of an instance, signed-in cookie path, ${variant}, 3,000 distinct tokens (floor: read cookie + node:crypto verify)`,
      {
        'cookie floor': f => walking(f.tokens.map(cookieRequest(f, true)), cookieFloorWith(f.nodeFloor)),
        ...Object.fromEntries(
          [
            ['@clerk/auth-state, 0.x form ({ request })', request => ({ request })],
            ['@clerk/auth-state, current form (request)', request => request],
          ].map(([row, argument]) => [
            row,
            async f => {
              const { createAuthenticateRequest } = await import('@clerk/auth-state');
              const key =
                variant === 'JWKS steady state'
                  ? { apiUrl: await jwksServer(f), ...VALGRIND_JWKS_TIMEOUTS }
                  : { jwtKey: f.publicPem };
              const { authenticateRequest } = createAuthenticateRequest({
                options: { secretKey, publishableKey, ...key, env: {} },
              });
              return walking(f.tokens.map(cookieRequest(f, true)), request =>
                signedIn(authenticateRequest(argument(request))),
              );
            },
          ]),
        ),
      },
    ]),
  ),
  ...Object.fromEntries(
    [
      ['deserialize a User payload (already parsed)', () => userJSON],
      ['deserialize a User payload parsed from JSON', () => JSON.parse(JSON.stringify(userJSON))],
    ].map(([title, input]) => [
      `${title} (floor: @clerk/backend 0.38.15)`,
      {
        '@clerk/backend 0.38.15 deserialize': async () => {
          const { deserialize } = await import('clerk-backend-038');
          const payload = input();
          return Object.assign(() => deserialize(payload), CHEAP);
        },
        '@clerk/bapi-client deserialize': async () => {
          const { deserialize } = await import('@clerk/bapi-client');
          const payload = input();
          return Object.assign(() => deserialize(payload), CHEAP);
        },
      },
    ]),
  ),
};

// The requests of auth-state.bench.mjs (the standalone row) and of handshake.bench.mjs (`sec-fetch-dest` too).
const cookieRequest = (f, navigation) => token =>
  new Request('https://example.com/dashboard', {
    headers: {
      host: 'example.com',
      'user-agent': 'Mozilla/5.0 (bench)',
      accept: 'text/html',
      ...(navigation ? { 'sec-fetch-dest': 'document' } : {}),
      cookie: `_ga=GA1.1.1; __client_uat=${f.now - 60}; __session=${token}; theme=dark`,
    },
  });
function walking(items, task) {
  let next = 0;
  return () => task(items[next++ % items.length]);
}
async function jwksServer(f) {
  const { createServer } = await import('node:http');
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [f.jwk('ins_bench')] }));
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return `http://127.0.0.1:${server.address().port}`;
}

// --- a child: node instructions.bench.mjs <fixture file> <group> <row> <calls>
if (process.argv[2]) {
  const [file, group, row, calls] = process.argv.slice(2);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  const f = { ...rsaFixture(saved), ...saved };
  const fn = await groups[group][row](f);
  const { warmUp = WARM_UP } = fn;
  for (let i = 0; i < warmUp; i++) await fn();
  // A full collection on each side of the counted calls: both children start them on the same heap, and what
  // they leave behind is collected within the count rather than whenever the heap next fills.
  globalThis.gc();
  for (let i = 0, n = Number(calls); i < n; i++) await fn();
  globalThis.gc();
  process.exit(0);
}

// --- the parent
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('valgrind is not installed (apt-get install valgrind): no instruction counts measured.');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'instructions-bench-'));
const fixture = rsaFixture();
const webBuild = join(dir, 'verify-token.web.mjs');
await buildWebVerifyToken(webBuild);
const tokens = Array.from({ length: POOL }, (_, i) =>
  fixture.token({ sid: `sess_${i}`, nbf: fixture.now - 10 }),
);
const forged =
  tokens[0].slice(0, tokens[0].lastIndexOf('.') + 1) + fixture.token({ sid: 'other' }).split('.')[2];
const fixtureFile = join(dir, 'fixture.json');
writeFileSync(
  fixtureFile,
  JSON.stringify({
    privatePem: fixture.privatePem,
    now: fixture.now,
    tokens,
    webBuild,
    rejected: {
      expired: fixture.token({ exp: fixture.now - 3600, iat: fixture.now - 7200, nbf: fixture.now - 7200 }),
      'bad signature': forged,
      malformed: 'not-a-jwt',
    },
  }),
);

// NODE_OPTIONS could preload anything, and NODE_EXTRA_CA_CERTS makes every start parse a CA bundle.
const env = { ...process.env };
delete env.NODE_OPTIONS;
delete env.NODE_EXTRA_CA_CERTS;
function count(group, row, calls) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'valgrind',
      [
        '--tool=cachegrind',
        '--cache-sim=no',
        '--cachegrind-out-file=/dev/null',
        process.execPath,
        '--single-threaded',
        '--expose-gc',
        ...(group.startsWith('authenticateRequest') ? YOUNG_GENERATION : []),
        import.meta.filename,
        fixtureFile,
        group,
        row,
        String(calls),
      ],
      { cwd: import.meta.dirname, env, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    child.on('close', status => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (status !== 0 || !refs) reject(new Error(`${row} (${calls} calls) failed:\n${stderr}`));
      else resolve(Number(refs[1].replaceAll(',', '')));
    });
  });
}

// Every (row, calls) pair is one job; as many run at once as the machine has cores.
const only = process.env.INSTRUCTIONS_ONLY;
const jobs = [];
for (const [group, rows] of Object.entries(groups)) {
  if (only && !group.includes(only)) continue;
  for (const row of Object.keys(rows)) {
    const cheap = group.startsWith('deserialize');
    for (const calls of cheap ? [CHEAP.short, CHEAP.long] : [SHORT, LONG]) jobs.push({ group, row, calls });
  }
}
const counts = new Map();
let next = 0;
await Promise.all(
  Array.from({ length: availableParallelism() }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      counts.set(`${job.group}\n${job.row}\n${job.calls}`, await count(job.group, job.row, job.calls));
    }
  }),
);
rmSync(dir, { recursive: true, force: true });

console.log(
  `valgrind ${spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).stdout.trim()}, Node ${process.version}\n`,
);
for (const [group, rows] of Object.entries(groups)) {
  if (only && !group.includes(only)) continue;
  const cheap = group.startsWith('deserialize');
  const [short, long] = cheap ? [CHEAP.short, CHEAP.long] : [SHORT, LONG];
  const perCall = row =>
    (counts.get(`${group}\n${row}\n${long}`) - counts.get(`${group}\n${row}\n${short}`)) / (long - short);
  const names = Object.keys(rows);
  const floor = perCall(names[0]);
  console.log(`### ${group}, instructions per call\n`);
  console.log('| task | instructions per call | ratio to floor |');
  console.log('|---|---:|---:|');
  for (const name of names) {
    const value = perCall(name);
    console.log(`| ${name} | ${Math.round(value).toLocaleString('en')} | ${(value / floor).toFixed(3)}x |`);
  }
  console.log('');
}
