// @clerk/bapi-client: bundle size (esbuild, minified, gzip) of the whole client, of one group imported alone
// and of the request layer, against the 25 KB budget; then a Backend API round trip on 127.0.0.1, the
// deserializer, and a call answered in memory, side by side with @clerk/backend 0.38.15 and 3.x.
import { createServer } from 'node:http';
import { bundleSize, compare, userJSON } from './lib.mjs';

// Calls to this origin are answered in memory (no network), so a call measures request layer, JSON and
// deserialization; installed before the SDKs load, as some of them keep the global fetch they find.
const IN_MEMORY = 'http://in-memory.bench';
const realFetch = globalThis.fetch;
let inMemoryBody = '{}';
globalThis.fetch = (input, init) =>
  String(input instanceof Request ? input.url : input).startsWith(IN_MEMORY)
    ? Promise.resolve(new Response(inMemoryBody, { headers: { 'content-type': 'application/json' } }))
    : realFetch(input, init);
const { createBackendApiClient, deserialize } = await import('@clerk/bapi-client');
const { Clerk, deserialize: deserialize038 } = await import('clerk-backend-038');
const { createClerkClient: createClerkClient3 } = await import('clerk-backend-3');

const BUDGET_BYTES = 25 * 1024;

const bundle = (contents, platform = 'neutral') => bundleSize(contents, platform);

const entries = {
  'whole client: createBackendApiClient (every group, 253 operations of 5 versions)':
    "export { createBackendApiClient } from '@clerk/bapi-client';",
  'one 0.x group alone: createRequestFunction + SessionAPI':
    "import { createRequestFunction, SessionAPI } from '@clerk/bapi-client';\nexport const sessions = key => new SessionAPI(createRequestFunction({ secretKey: key }));",
  'one spec group alone: createRequestFunction + JwtTemplatesEndpoints':
    "import { createRequestFunction, JwtTemplatesEndpoints } from '@clerk/bapi-client';\nexport const templates = key => new JwtTemplatesEndpoints(createRequestFunction({ secretKey: key }));",
  'request layer alone: createRequestFunction': "export { createRequestFunction } from '@clerk/bapi-client';",
  'deserializer alone: deserialize (every resource class)':
    "export { deserialize } from '@clerk/bapi-client';",
};

console.log('### Bundle size (esbuild --bundle --minify, ESM, platform neutral, gzip -9)\n');
console.log('| import | minified (KB) | gzip (KB) | within 25 KB gzip |');
console.log('|---|---:|---:|---|');
const sizes = {};
for (const [label, contents] of Object.entries(entries)) {
  const { code, minified, gzip } = await bundle(contents);
  sizes[label] = { code, gzip };
  console.log(
    `| ${label} | ${(minified / 1024).toFixed(1)} | ${(gzip / 1024).toFixed(1)} | ${gzip <= BUDGET_BYTES ? 'yes' : '**no**'} |`,
  );
}
const reference = await bundle("export { Clerk } from 'clerk-backend-038';", 'node').catch(() => undefined);
if (reference) {
  console.log(
    `| reference: 0.38.15 \`Clerk\` (whole SDK, token half included; platform node) | ${(reference.minified / 1024).toFixed(1)} | ${(reference.gzip / 1024).toFixed(1)} | n/a |`,
  );
}

// "bundles only what it uses": the single-group bundles must not carry other groups' paths or classes
const sessionOnly = sizes['one 0.x group alone: createRequestFunction + SessionAPI'].code;
const leaks = ['/jwt_templates', '/organizations/', '/saml_connections', 'oauth_applications'].filter(
  marker => sessionOnly.includes(marker),
);
console.log(
  `\nSessionAPI-only bundle carries other groups' paths: ${leaks.length ? leaks.join(', ') : 'none'}\n`,
);
const overBudget = Object.entries(sizes).filter(([, { gzip }]) => gzip > BUDGET_BYTES);

// --- runtime: one call over HTTP on 127.0.0.1, and the deserializer
const body = JSON.stringify(userJSON);
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const apiUrl = `http://127.0.0.1:${server.address().port}`;
const secretKey = 'sk_test_bench';

const ours = createBackendApiClient({ secretKey, apiUrl });
const old = Clerk({ secretKey, apiUrl });

await compare(
  'users.getUser over HTTP on 127.0.0.1 (one request, JSON parse, User resource)',
  {
    'raw fetch + JSON.parse (floor)': async () =>
      (
        await fetch(`${apiUrl}/v1/users/user_2abc`, { headers: { authorization: `Bearer ${secretKey}` } })
      ).json(),
    '@clerk/bapi-client': () => ours.users.getUser('user_2abc'),
    '@clerk/backend 0.38.15': () => old.users.getUser('user_2abc'),
  },
  { floor: 'raw fetch + JSON.parse (floor)', rounds: 9, roundMs: 80 },
);

// the medians' ratio at full precision (the tables round the microseconds to one decimal)
const printRatio = (ratios, ours, other) =>
  console.log(`${ours} / ${other}: ${(ratios[ours] / ratios[other]).toFixed(3)}x\n`);

// compare()'s probe warms each task with 50 calls; a 46-field constructor is still being optimized after that
// (the first two to five rounds of 15 ran 3 to 10 times slower), so each task first runs `calls` times
const warmedUp = async (tasks, calls) => {
  for (const fn of Object.values(tasks)) for (let i = 0; i < calls; i++) await fn();
  return tasks;
};

// The object literal, then what a caller really deserializes: the parse of a response body (its objects have
// JSON.parse's hidden classes, not the object literal's).
for (const [title, input] of [
  ['deserialize a User payload (already parsed)', userJSON],
  ['deserialize a User payload parsed from JSON', JSON.parse(body)],
]) {
  const ratios = await compare(
    title,
    await warmedUp(
      {
        'structuredClone (floor)': () => structuredClone(input),
        '@clerk/bapi-client deserialize': () => deserialize(input),
        '@clerk/backend 0.38.15 deserialize': () => deserialize038(input),
      },
      20_000,
    ),
    { floor: 'structuredClone (floor)' },
  );
  printRatio(ratios, '@clerk/bapi-client deserialize', '@clerk/backend 0.38.15 deserialize');
}

inMemoryBody = body;
const inMemoryOptions = { secretKey, apiUrl: IN_MEMORY };
const oursInMemory = createBackendApiClient(inMemoryOptions);
const oldInMemory = Clerk(inMemoryOptions);
const currentInMemory = createClerkClient3(inMemoryOptions);
const inMemoryRatios = await compare(
  'users.getUser answered in memory (request layer + JSON.parse + User; 3.x has no public deserializer)',
  await warmedUp(
    {
      'fetch + JSON.parse (floor)': async () => (await fetch(`${IN_MEMORY}/v1/users/user_2abc`)).json(),
      '@clerk/bapi-client': () => oursInMemory.users.getUser('user_2abc'),
      '@clerk/backend 0.38.15': () => oldInMemory.users.getUser('user_2abc'),
      '@clerk/backend 3.25.0': () => currentInMemory.users.getUser('user_2abc'),
    },
    1_000,
  ),
  { floor: 'fetch + JSON.parse (floor)', rounds: 9, roundMs: 80 },
);
printRatio(inMemoryRatios, '@clerk/bapi-client', '@clerk/backend 0.38.15');
printRatio(inMemoryRatios, '@clerk/bapi-client', '@clerk/backend 3.25.0');

server.close();

if (overBudget.length > 0 || leaks.length > 0) {
  console.error('over the 25 KB gzip budget, or a single-group bundle carries other groups');
  process.exit(1);
}
