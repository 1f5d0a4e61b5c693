import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// Shared reporting and fixtures for the benchmarks. Tasks run side by side in one process, interleaved in rounds
// so that load from elsewhere on the machine hits every task alike; each round starts one task later (A, B, C,
// then B, C, A, ...), because a task is charged part of what the task before it left behind (garbage collected
// meanwhile), and a fixed order would always charge the same neighbour. Times are CPU time. A task's ratio to
// the floor is the median over rounds of its batch time divided by the floor's batch time in the same round
// (paired, so that a slow stretch of the machine slows both sides of one ratio). Prints a markdown table with
// each task's median time, its ratio and the middle half of its per-round ratios (how much the rounds agree).

// CPU time of this process (user + system, in ms), not wall-clock time: on a shared machine the time the
// scheduler gives to other processes is then not counted against whichever task happened to be running.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function timeBatch(fn, iterations) {
  const start = cpuMs();
  for (let i = 0; i < iterations; i++) await fn();
  return (cpuMs() - start) / iterations;
}

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * q + 0.5)];

export async function compare(title, tasks, { floor, rounds = 15, roundMs = 60 } = {}) {
  const entries = Object.entries(tasks);
  const iterations = new Map();
  for (const [name, fn] of entries) {
    const probe = await timeBatch(fn, 50); // also warms up
    iterations.set(name, Math.max(5, Math.round(roundMs / Math.max(probe, 0.001))));
  }
  const samples = new Map(entries.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < entries.length; index++) {
      const [name, fn] = entries[(round + index) % entries.length];
      samples.get(name).push(await timeBatch(fn, iterations.get(name)));
    }
  }
  const base = samples.get(floor);
  const rows = [...samples].map(([name, values]) => {
    const ratios = values.map((value, round) => value / base[round]);
    return {
      name,
      ms: quantile(values, 0.5),
      ratio: quantile(ratios, 0.5),
      low: quantile(ratios, 0.25),
      high: quantile(ratios, 0.75),
    };
  });
  console.log(`### ${title}\n`);
  console.log('| task | median (µs) | ops/s | ratio to floor | middle half of the rounds |');
  console.log('|---|---:|---:|---:|---:|');
  for (const { name, ms, ratio, low, high } of rows) {
    console.log(
      `| ${name} | ${(ms * 1000).toFixed(1)} | ${Math.round(1000 / ms)} | ${ratio.toFixed(2)}x | ${low.toFixed(2)}x-${high.toFixed(2)}x |`,
    );
  }
  console.log('');
  return Object.fromEntries(rows.map(({ name, ratio }) => [name, ratio]));
}

/**
 * One RS256-2048 key pair for a benchmark, the session tokens it signs (node:crypto directly, independent of
 * the code under test) and the floor: the least work that verifies a session token (split, decode and parse the
 * header and the payload, check `alg`, `sub`, `iss`, `exp`, `nbf` and `iat`, one node:crypto check with a
 * prepared KeyObject). It parses the header every time; a verifier that sees one instance's tokens need not.
 * `saved` (`{ privatePem, now }` of an earlier fixture) makes the same key and clock again, so that another
 * process can verify that fixture's tokens.
 */
export function rsaFixture(saved) {
  const privateKey = saved
    ? createPrivateKey(saved.privatePem)
    : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const publicKey = createPublicKey(privateKey);
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const keyObject = createPublicKey(publicPem);
  let webKey;
  const now = saved?.now ?? Math.floor(Date.now() / 1000);
  const b64 = value => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    privateKey,
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey,
    publicPem,
    keyObject,
    now,
    jwk: kid => ({ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }),
    token({ kid = 'ins_bench', ...claims } = {}) {
      const payload = {
        sub: 'user_1',
        sid: 'sess_1',
        iss: 'https://clerk.example.com',
        iat: now,
        nbf: now,
        exp: now + 3600,
      };
      const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({ ...payload, ...claims })}`;
      return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    },
    nodeFloor(token) {
      const dot = checkedSplit(token);
      return (
        dot > 0 &&
        verify(
          'sha256',
          Buffer.from(token.slice(0, dot)),
          keyObject,
          Buffer.from(token.slice(dot + 1), 'base64url'),
        )
      );
    },
    /** The same on WebCrypto (`crypto.subtle.verify` with a prepared CryptoKey), as workerd and Edge run it. */
    async webFloor(token) {
      const dot = checkedSplit(token);
      if (dot < 0) return false;
      webKey ??= crypto.subtle.importKey(
        'jwk',
        publicKey.export({ format: 'jwk' }),
        { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        false,
        ['verify'],
      );
      return crypto.subtle.verify(
        'RSASSA-PKCS1-v1_5',
        await webKey,
        Buffer.from(token.slice(dot + 1), 'base64url'),
        encoder.encode(token.slice(0, dot)),
      );
    },
  };
}

const encoder = new TextEncoder();

/** The floors' parse and claim checks: the index of the last dot, or -1 when a check fails. */
function checkedSplit(token) {
  const first = token.indexOf('.');
  const dot = token.lastIndexOf('.');
  const header = JSON.parse(Buffer.from(token.slice(0, first), 'base64url').toString());
  const claims = JSON.parse(Buffer.from(token.slice(first + 1, dot), 'base64url').toString());
  const nowMs = Date.now();
  if (header.alg !== 'RS256' || typeof claims.sub !== 'string' || typeof claims.iss !== 'string') return -1;
  if (claims.exp * 1000 <= nowMs || claims.nbf * 1000 > nowMs || claims.iat * 1000 > nowMs) return -1;
  return dot;
}

/**
 * Minified and gzipped (level 9) size of an esbuild bundle of `contents` (resolved from bench/); `edge` is
 * what packages/backend/test/size.test.ts measures: neutral platform with the worker/browser conditions.
 */
export async function bundleSize(contents, platform = 'edge') {
  const target =
    platform === 'edge'
      ? { platform: 'neutral', mainFields: ['module', 'main'], conditions: ['worker', 'browser', 'import'] }
      : { platform };
  const result = await build({
    stdin: { contents, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    ...target,
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  return {
    code: output.text,
    minified: output.contents.length,
    gzip: gzipSync(output.contents, { level: 9 }).length,
  };
}

/** A `User` response of the Backend API (two nested lists, one redirect URL), as the deserializer benches read it. */
export const userJSON = {
  object: 'user',
  id: 'user_2abc',
  username: 'ada',
  first_name: 'Ada',
  last_name: 'Lovelace',
  image_url: 'https://img.clerk.com/abc',
  profile_image_url: 'https://img.clerk.com/abc',
  has_image: true,
  primary_email_address_id: 'idn_1',
  public_metadata: { plan: 'pro' },
  private_metadata: { stripe: { customer: 'cus_1' } },
  unsafe_metadata: {},
  email_addresses: [
    {
      object: 'email_address',
      id: 'idn_1',
      email_address: 'ada@example.com',
      verification: { status: 'verified', strategy: 'email_code', attempts: 1, expire_at: 1700000000000 },
      linked_to: [],
    },
  ],
  phone_numbers: [],
  web3_wallets: [],
  external_accounts: [
    {
      object: 'external_account',
      id: 'eac_1',
      provider: 'oauth_google',
      provider_user_id: '123',
      email_address: 'ada@example.com',
      verification: {
        status: 'verified',
        strategy: 'oauth_google',
        external_verification_redirect_url: 'https://accounts.google.com/o/oauth2/auth',
      },
    },
  ],
  created_at: 1700000000000,
  updated_at: 1700000000000,
};

/**
 * The WebCrypto build of `verifyToken`, as workerd and Edge run it: the esbuild bundle for the worker/browser
 * conditions, written to `outfile` (import it from there).
 */
export async function buildWebVerifyToken(outfile) {
  await build({
    stdin: {
      contents: "export { verifyToken } from '@clerk/jwks-resolver';",
      resolveDir: import.meta.dirname,
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['worker', 'browser', 'import'],
    outfile,
    logLevel: 'silent',
  });
}

/**
 * The rejection floors, `async` like every contender (each returns a promise): decode, find the failure
 * (`exp` passed, a signature `nodeFloor` refuses, a segment that is not base64url), throw.
 */
export const rejectionFloors = nodeFloor => ({
  expired: async token => {
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    if (claims.exp * 1000 <= Date.now()) throw new Error('expired');
    return claims;
  },
  'bad signature': async token => {
    if (!nodeFloor(token)) throw new Error('bad signature');
  },
  malformed: async token => {
    const parts = token.split('.');
    if (parts.length !== 3 || !/^[\w-]*$/.test(parts[1])) throw new Error('malformed');
  },
});

/** The cookie flows' floor: the `__session` cookie read from the request's `Cookie` header, then `nodeFloor`. */
export const cookieFloorWith = nodeFloor => request => {
  const cookie = request.headers.get('cookie');
  const start = cookie.indexOf('__session=') + '__session='.length;
  const end = cookie.indexOf(';', start);
  return nodeFloor(cookie.slice(start, end === -1 ? undefined : end));
};

/** Awaits a request state and throws unless it is signed in: a task that failed quietly would look fast. */
export const signedIn = async promise => {
  const state = await promise;
  if (state.status !== 'signed-in')
    throw new Error(`expected signed-in, got ${state.status} ${state.reason} ${state.message}`);
};

/** `verify` as a task that must reject: it settles to `false`, and a token that verifies throws. */
export const rejecting = verify => token =>
  Promise.resolve()
    .then(() => verify(token))
    .then(
      () => {
        throw new Error('a bad token verified');
      },
      () => false,
    );
