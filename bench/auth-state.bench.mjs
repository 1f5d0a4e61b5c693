// authenticateRequest of @clerk/auth-state side by side with @clerk/backend 0.38.15 and a floor (read the
// cookie or Authorization header, one node:crypto signature check): cookie flow and header flow, local key
// and JWKS from a Backend API on 127.0.0.1, fresh tokens (verified-token cache misses) and a repeated token;
// then the rows of issue 18: the standalone 0.x call form `authenticateRequest({ request, ...options })` beside
// 0.38.15 and 3.x (`clerk-backend-3`), local key, distinct tokens and a cached token.
import { createServer } from 'node:http';
import { authenticateRequest, createAuthenticateRequest } from '@clerk/auth-state';
import { verifyToken } from '@clerk/jwks-resolver';
import { createClerkClient } from 'clerk-backend-3';
import { Clerk } from 'clerk-backend-038';
import { compare, cookieFloorWith, rsaFixture, signedIn } from './lib.mjs';

const fixture = rsaFixture();
const { publicPem, now } = fixture;
const tokenFor = sid => fixture.token({ sid, nbf: now - 10 });

// A JWKS for the "JWKS steady state" rows; both libraries ask it once, then use their caches.
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      keys: [fixture.jwk('ins_bench')],
    }),
  );
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const apiUrl = `http://127.0.0.1:${server.address().port}`;

// More distinct tokens than the verified-token cache holds (1000), walked in order: every one is a miss.
const tokens = Array.from({ length: 1200 }, (_, i) => tokenFor(`sess_${i}`));
const browserHeaders = { host: 'example.com', 'user-agent': 'Mozilla/5.0 (bench)', accept: 'text/html' };
const cookieRequest = token =>
  new Request('https://example.com/dashboard', {
    headers: {
      ...browserHeaders,
      cookie: `_ga=GA1.1.1; __client_uat=${now - 60}; __session=${token}; theme=dark`,
    },
  });
const headerRequest = token =>
  new Request('https://example.com/api/data', {
    headers: { ...browserHeaders, authorization: `Bearer ${token}` },
  });
const cookieRequests = tokens.map(cookieRequest);
const headerRequests = tokens.map(headerRequest);

const walk = (requests, task) => {
  let next = 0;
  return () => task(requests[next++ % requests.length]);
};

// The floor: the least work that authenticates the request: read the token, one node:crypto verify.
const verifyRaw = fixture.nodeFloor;
const cookieFloor = cookieFloorWith(verifyRaw);
const headerFloor = request => verifyRaw(request.headers.get('authorization').slice('Bearer '.length));

const secretKey = 'sk_live_bench';
const local = { secretKey, jwtKey: publicPem, env: {} };
const remote = { secretKey, apiUrl, env: {} };
const ours = {
  local: createAuthenticateRequest({ options: local }).authenticateRequest,
  remote: createAuthenticateRequest({ options: remote }).authenticateRequest,
};
const legacy = {
  local: Clerk({ secretKey, jwtKey: publicPem }),
  remote: Clerk({ secretKey, apiUrl }),
};
// verifyToken alone, on key sources of its own (so that its verified-token cache never sees our tokens
// twice): what authenticateRequest adds on top of it is this package's own cost.
const isClerkIssuer = iss => iss.startsWith('https://clerk.');
const soloRemote = { secretKey, apiUrl: `${apiUrl}/solo`, env: {}, issuer: isClerkIssuer };
const soloLocal = { jwtKey: publicPem.trim(), env: {}, issuer: isClerkIssuer };
const cookieToken = request => /__session=([^;]+)/.exec(request.headers.get('cookie'))[1];
const headerToken = request => request.headers.get('authorization').slice('Bearer '.length);
const verified = async promise => {
  if ((await promise).sub !== 'user_1') throw new Error('verifyToken failed');
};
// Every task runs a while first, so that no library is measured while the JIT is still warming up.
const warmUp = async task => {
  for (let i = 0; i < 3000; i++) await task();
};
for (const [requests, flow] of [
  [cookieRequests, 'cookie'],
  [headerRequests, 'header'],
]) {
  for (const variant of ['remote', 'local']) {
    await warmUp(walk(requests, request => signedIn(ours[variant]({ request }))));
    const token = flow === 'cookie' ? cookieToken : headerToken;
    await warmUp(
      walk(requests, request =>
        verified(verifyToken(token(request), variant === 'remote' ? soloRemote : soloLocal)),
      ),
    );
    await warmUp(walk(requests, request => signedIn(legacy[variant].authenticateRequest({ request }))));
  }
  await warmUp(walk(requests, flow === 'cookie' ? cookieFloor : headerFloor));
}

const results = {};
results.cookieRemote = await compare(
  'authenticateRequest, cookie flow, JWKS steady state, fresh token (floor: read cookie + node:crypto verify)',
  {
    floor: walk(cookieRequests, cookieFloor),
    '@clerk/auth-state': walk(cookieRequests, request => signedIn(ours.remote({ request }))),
    'verifyToken alone (@clerk/jwks-resolver)': walk(cookieRequests, request =>
      verified(verifyToken(cookieToken(request), soloRemote)),
    ),
    '@clerk/backend 0.38.15': walk(cookieRequests, request =>
      signedIn(legacy.remote.authenticateRequest({ request })),
    ),
  },
  { floor: 'floor' },
);
results.headerRemote = await compare(
  'authenticateRequest, header flow, JWKS steady state, fresh token (floor: read header + node:crypto verify)',
  {
    floor: walk(headerRequests, headerFloor),
    '@clerk/auth-state': walk(headerRequests, request => signedIn(ours.remote({ request }))),
    'verifyToken alone (@clerk/jwks-resolver)': walk(headerRequests, request =>
      verified(verifyToken(headerToken(request), soloRemote)),
    ),
    '@clerk/backend 0.38.15': walk(headerRequests, request =>
      signedIn(legacy.remote.authenticateRequest({ request })),
    ),
  },
  { floor: 'floor' },
);
results.cookieLocal = await compare(
  'authenticateRequest, cookie flow, local key (jwtKey), fresh token (floor: read cookie + node:crypto verify)',
  {
    floor: walk(cookieRequests, cookieFloor),
    '@clerk/auth-state': walk(cookieRequests, request => signedIn(ours.local({ request }))),
    'verifyToken alone (@clerk/jwks-resolver)': walk(cookieRequests, request =>
      verified(verifyToken(cookieToken(request), soloLocal)),
    ),
    '@clerk/backend 0.38.15': walk(cookieRequests, request =>
      signedIn(legacy.local.authenticateRequest({ request })),
    ),
  },
  { floor: 'floor' },
);
results.headerLocal = await compare(
  'authenticateRequest, header flow, local key (jwtKey), fresh token (floor: read header + node:crypto verify)',
  {
    floor: walk(headerRequests, headerFloor),
    '@clerk/auth-state': walk(headerRequests, request => signedIn(ours.local({ request }))),
    'verifyToken alone (@clerk/jwks-resolver)': walk(headerRequests, request =>
      verified(verifyToken(headerToken(request), soloLocal)),
    ),
    '@clerk/backend 0.38.15': walk(headerRequests, request =>
      signedIn(legacy.local.authenticateRequest({ request })),
    ),
  },
  { floor: 'floor' },
);
const repeated = cookieRequests[0];
results.repeated = await compare(
  'authenticateRequest, cookie flow, the same session token again (a browser within one token lifetime)',
  {
    floor: () => cookieFloor(repeated),
    '@clerk/auth-state': () => signedIn(ours.local({ request: repeated })),
    '@clerk/backend 0.38.15': () => signedIn(legacy.local.authenticateRequest({ request: repeated })),
  },
  { floor: 'floor' },
);

// Issue 18: the standalone 0.x call form with the options spread into each call, as a 0.x app calls it. Each
// task walks its own 1200 distinct tokens (more than the verified-token cache holds), so that no task ever
// verifies a token another task has just verified.
const standaloneOptions = { secretKey, jwtKey: publicPem, env: {} };
const standalone = request => authenticateRequest({ request, ...standaloneOptions });
// 3.x needs the publishable key; this one's Frontend API is clerk.example.com, the fixture's issuer.
const v3 = createClerkClient({
  secretKey,
  publishableKey: 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k',
  jwtKey: publicPem,
});
const ownRequests = prefix =>
  Array.from({ length: 1200 }, (_, i) =>
    cookieRequest(fixture.token({ sid: `${prefix}_${i}`, nbf: now - 10 })),
  );
const standaloneTasks = pick => ({
  floor: pick('floor', cookieFloor),
  '@clerk/auth-state, authenticateRequest({ request, ...options })': pick('ours', request =>
    signedIn(standalone(request)),
  ),
  '@clerk/backend 0.38.15': pick('legacy', request =>
    signedIn(legacy.local.authenticateRequest({ request })),
  ),
  '@clerk/backend 3.x (request)': pick('v3', request => signedIn(v3.authenticateRequest(request))),
});
// The split of these rows: verifyToken alone with the options the flow passes it for this configuration (the
// same fields and values: the flow's default issuer check, the 0.x API defaults), on a key source of its own (the
// PEM without its final newline), so that its verified-token cache never holds the flow's tokens. The flow's
// cost above verifyToken is the difference between the two rows.
const flowVerifyOptions = {
  jwksCacheTtlInMs: undefined,
  skipJwksCache: undefined,
  jwksRefetchCooldownInMs: undefined,
  jwksFetchTimeoutInMs: undefined,
  jwksFetchRetries: undefined,
  jwksRetryDelayInMs: undefined,
  jwksLoadTimeoutInMs: undefined,
  jwksMaxStaleInMs: undefined,
  jwtKey: publicPem.trim(),
  secretKey,
  apiUrl: 'https://api.clerk.dev',
  apiVersion: 'v1',
  clerkApiVersion: undefined,
  issuer: iss =>
    typeof iss === 'string' && (iss.startsWith('https://clerk.') || iss.includes('.clerk.accounts')),
  audience: undefined,
  authorizedParties: undefined,
  clockSkewInMs: undefined,
  clockSkewInSeconds: undefined,
  proxyUrl: undefined,
  env: {},
  fetch: undefined,
};
const verifyAlone = 'verifyToken alone, the options the flow passes (@clerk/jwks-resolver)';
const distinct = {
  ...standaloneTasks((prefix, task) => walk(ownRequests(`standalone_${prefix}`), task)),
  // What the verifier alone costs on the same kind of request (its token read with a regex).
  [verifyAlone]: walk(ownRequests('standalone_solo'), request =>
    verified(verifyToken(cookieToken(request), flowVerifyOptions)),
  ),
};
// The cached row: the same Request (built once) and token every call, a verified-token cache hit for ours. The
// signed-in state builds its auth object on the first toAuth(): a row that calls it shows that cost too.
const cached = {
  ...standaloneTasks((_prefix, task) => () => task(repeated)),
  '@clerk/auth-state, the same and then toAuth()': async () => {
    const state = await standalone(repeated);
    if (state.toAuth().userId !== 'user_1') throw new Error('toAuth() failed');
  },
  [verifyAlone]: () => verified(verifyToken(cookieToken(repeated), flowVerifyOptions)),
};
for (const task of [...Object.values(distinct), ...Object.values(cached)]) await warmUp(task);
results.standaloneDistinct = await compare(
  'authenticateRequest({ request, ...options }), cookie flow, local key, distinct tokens (floor: read cookie + node:crypto verify)',
  distinct,
  { floor: 'floor' },
);
results.standaloneCached = await compare(
  'authenticateRequest({ request, ...options }), cookie flow, local key, the same token and Request every call (floor: read cookie + node:crypto verify)',
  cached,
  { floor: 'floor' },
);
server.close();

const rows = [
  ['cookie flow, JWKS', results.cookieRemote],
  ['header flow, JWKS', results.headerRemote],
  ['cookie flow, local key', results.cookieLocal],
  ['header flow, local key', results.headerLocal],
];
console.log(
  '### Targets (fresh tokens): @clerk/auth-state <= 2x the floor; the floor >= 8x faster than 0.38.15\n',
);
console.log(
  '| flow | @clerk/auth-state / floor | of which verifyToken / floor | 0.38.15 / floor | 0.38.15 / @clerk/auth-state | met |',
);
console.log('|---|---:|---:|---:|---:|---|');
for (const [name, r] of rows) {
  const ours = r['@clerk/auth-state'];
  const legacyRatio = r['@clerk/backend 0.38.15'];
  const ok = ours <= 2 && legacyRatio >= 8;
  const alone = r['verifyToken alone (@clerk/jwks-resolver)'];
  console.log(
    `| ${name} | ${ours.toFixed(2)}x | ${alone.toFixed(2)}x | ${legacyRatio.toFixed(2)}x | ${(legacyRatio / ours).toFixed(1)}x | ${ok ? 'yes' : 'NO'} |`,
  );
}

const ours18 = '@clerk/auth-state, authenticateRequest({ request, ...options })';
console.log('\n### Targets of issue 18 (the 0.x call form, local key)\n');
console.log(
  '| row | @clerk/auth-state / floor | verifyToken alone / floor | the flow above verifyToken / floor | 0.38.15 / @clerk/auth-state | 3.x / @clerk/auth-state | target | met |',
);
console.log('|---|---:|---:|---:|---:|---:|---|---|');
for (const [name, r, target] of [
  ['cookie flow, cached token, Request built once', results.standaloneCached, 0.15],
  ['cookie flow, distinct tokens', results.standaloneDistinct, 1.15],
]) {
  const ours = r[ours18];
  const alone = r[verifyAlone];
  console.log(
    `| ${name} | ${ours.toFixed(2)}x | ${alone.toFixed(2)}x | ${(ours - alone).toFixed(2)}x | ${(r['@clerk/backend 0.38.15'] / ours).toFixed(1)}x | ${(r['@clerk/backend 3.x (request)'] / ours).toFixed(1)}x | <= ${target}x the floor | ${ours <= target ? 'yes' : 'NO'} |`,
  );
}
