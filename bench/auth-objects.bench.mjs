// authenticateRequest (0.x call form, header flow, local key) with a session token v2 whose organisation has 10
// features and 10 permission names, side by side with the same call on the equivalent v1 token (the same
// organisation, its permissions spelt out in org_permissions): what the v2 rebuild of orgPermissions costs.
import { createAuthenticateRequest } from '@clerk/auth-state';
import { compare, rsaFixture } from './lib.mjs';

const fixture = rsaFixture();
const { publicPem, now } = fixture;

const features = Array.from({ length: 10 }, (_, i) => `feature${i}`);
const names = Array.from({ length: 10 }, (_, i) => `permission${i}`);
// A different, non-trivial mask per feature (bit i set: permission i granted).
const masks = features.map((_, j) => ((j * 389 + 173) % 1023) + 1);
const permissions = features.flatMap((feature, j) =>
  names.filter((_, i) => (masks[j] >> i) & 1).map(name => `org:${feature}:${name}`),
);
const organization = { id: 'org_bench', slg: 'bench', rol: 'admin' };

const v2Claims = {
  v: 2,
  fea: `u:export,${features.map(feature => `o:${feature}`).join(',')}`,
  pla: 'u:free,o:pro',
  fva: [5, -1],
  o: { ...organization, per: names.join(','), fpm: masks.join(',') },
};
const v1Claims = {
  org_id: organization.id,
  org_role: 'org:admin',
  org_slug: organization.slg,
  org_permissions: permissions,
};
const v1NoPermissions = { ...v1Claims, org_permissions: [] };

// More distinct tokens than the verified-token cache holds (1000), walked in order: every one is a miss.
const tokensWith = claims =>
  Array.from({ length: 1200 }, (_, i) => fixture.token({ sid: `sess_${i}`, nbf: now - 10, ...claims }));
const requestsOf = tokens =>
  tokens.map(
    token =>
      new Request('https://example.com/api/data', {
        headers: {
          host: 'example.com',
          'user-agent': 'Mozilla/5.0 (bench)',
          authorization: `Bearer ${token}`,
        },
      }),
  );
const v1Requests = requestsOf(tokensWith(v1Claims));
const v2Requests = requestsOf(tokensWith(v2Claims));
const v1BareRequests = requestsOf(tokensWith(v1NoPermissions));

const { authenticateRequest } = createAuthenticateRequest({
  options: { secretKey: 'sk_live_bench', jwtKey: publicPem, env: {} },
});

// Each task reads what an app would read: the organisation fields and one has() answer.
async function authorize(request) {
  const state = await authenticateRequest({ request });
  if (!state.isSignedIn) throw new Error(`expected signed-in, got ${state.status} ${state.reason}`);
  const auth = state.toAuth();
  if (auth.orgId !== 'org_bench' || !auth.has({ role: 'org:admin' })) throw new Error('wrong org');
  return auth;
}
const walk = requests => {
  let next = 0;
  return () => authorize(requests[next++ % requests.length]);
};
const headerFloor = request =>
  fixture.nodeFloor(request.headers.get('authorization').slice('Bearer '.length));
let nextFloor = 0;
const floor = () => headerFloor(v1Requests[nextFloor++ % v1Requests.length]);

// Both tokens give the same auth object fields, or the comparison would be meaningless.
const fromV1 = await authorize(v1Requests[0]);
const fromV2 = await authorize(v2Requests[0]);
for (const field of ['orgId', 'orgRole', 'orgSlug', 'orgPermissions'])
  if (JSON.stringify(fromV1[field]) !== JSON.stringify(fromV2[field])) throw new Error(`${field} differs`);
console.log(
  `The organisation: ${features.length} features, ${names.length} permission names, ${permissions.length} permissions; ` +
    `token payload ${v1Requests[0].headers.get('authorization').split('.')[1].length} (v1) and ` +
    `${v2Requests[0].headers.get('authorization').split('.')[1].length} (v2) base64url characters.\n`,
);

for (const requests of [v1Requests, v2Requests, v1BareRequests]) {
  const task = walk(requests);
  for (let i = 0; i < 3000; i++) await task();
}

const fresh = await compare(
  'authenticateRequest, header flow, local key, fresh token: v2 vs v1 (floor: read header + node:crypto verify)',
  {
    floor,
    'v1 token (org_permissions spelt out)': walk(v1Requests),
    'v2 token (o + fea, rebuilt)': walk(v2Requests),
    'v1 token, organisation without permissions': walk(v1BareRequests),
  },
  { floor: 'floor' },
);
const repeated = await compare(
  'authenticateRequest, header flow, local key, the same token again (verified-token cache hit): v2 vs v1',
  {
    'v1 token (org_permissions spelt out)': () => authorize(v1Requests[0]),
    'v2 token (o + fea, rebuilt)': () => authorize(v2Requests[0]),
    'v1 token, organisation without permissions': () => authorize(v1BareRequests[0]),
  },
  { floor: 'v1 token (org_permissions spelt out)' },
);

console.log('### Target: the v2 call within 1.1x of the same call with the v1 token\n');
console.log('| case | v2 / v1 | met |');
console.log('|---|---:|---|');
for (const [name, result] of [
  ['fresh token', fresh],
  ['same token again', repeated],
]) {
  const ratio = result['v2 token (o + fea, rebuilt)'] / result['v1 token (org_permissions spelt out)'];
  console.log(`| ${name} | ${ratio.toFixed(2)}x | ${ratio <= 1.1 ? 'yes' : 'NO'} |`);
}
