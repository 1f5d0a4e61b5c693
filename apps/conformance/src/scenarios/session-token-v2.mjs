// Session token v2 (current-clerk.md sections 1 and 2) through authenticateRequest's 0.x call form: the
// organisation fields rebuilt from `o` and `fea` (exact masks), and has() on roles, permissions, features,
// plans and reverification. The tokens are signed inside the runtime with the host's ES256 key, which the
// host's JWKS publishes; what is checked here is the claim mapping, not the signer.
import { assert } from '../assert.mjs';
import { createAuthenticateRequest, signJwt } from '../library.mjs';
import { scenario } from '../scenario.mjs';

const WORKED = {
  v: 2,
  fea: 'u:audit,o:billing,ou:members,o:reports',
  o: { id: 'org_conformance', slg: 'acme', rol: 'admin', per: 'read,manage,delete', fpm: '1,7,5' },
  pla: 'u:free,o:pro',
  fva: [5, 30],
};
const WORKED_PERMISSIONS = [
  'org:billing:read',
  'org:members:read',
  'org:members:manage',
  'org:members:delete',
  'org:reports:read',
  'org:reports:delete',
];
const ZERO_X_KEYS = [
  'actor',
  'sessionClaims',
  'sessionId',
  'session',
  'userId',
  'user',
  'orgId',
  'orgRole',
  'orgSlug',
  'orgPermissions',
  'organization',
  'getToken',
  'has',
  'debug',
];

function signV2(context, extra) {
  const { iss, sub, sid, iat, nbf, exp } = context.claims;
  const payload = { iss, sub, sid, iat, nbf, exp, jti: 'conformance', ...extra };
  const { ec } = context.keys;
  return signJwt(payload, ec.privateJwk, { algorithm: 'ES256', header: { typ: 'JWT', kid: ec.kid } });
}

/** The signed-in auth object of a header request carrying a v2 token with these claims. */
async function authOf(context, extra) {
  const { authenticateRequest } = createAuthenticateRequest({
    options: { secretKey: context.secretKey, apiUrl: context.apiUrl, publishableKey: context.publishableKey },
  });
  const token = await signV2(context, extra);
  const state = await authenticateRequest({
    request: new Request('https://app.conformance.test/api', {
      headers: { host: 'app.conformance.test', authorization: `Bearer ${token}` },
    }),
  });
  assert.equal(state.status, 'signed-in', `status (reason ${state.reason}, ${state.message})`);
  return state.toAuth();
}

export const sessionTokenV2Scenarios = [
  scenario(
    'session token v2: the organisation fields come from o and fea, in the 0.x key set',
    async context => {
      const auth = await authOf(context, WORKED);
      assert.deepEqual(Object.keys(auth), ZERO_X_KEYS, 'keys');
      assert.equal(auth.userId, context.userId, 'userId');
      assert.equal(auth.sessionId, context.sessionId, 'sessionId');
      assert.equal(auth.orgId, 'org_conformance', 'orgId');
      assert.equal(auth.orgRole, 'org:admin', 'orgRole');
      assert.equal(auth.orgSlug, 'acme', 'orgSlug');
      assert.deepEqual(auth.orgPermissions, WORKED_PERMISSIONS, 'orgPermissions');
    },
  ),
  scenario('session token v2: masks are exact above 2^53; non-decimal masks grant nothing', async context => {
    const names = Array.from({ length: 64 }, (_, i) => `p${i}`).join(',');
    const big = await authOf(context, {
      ...WORKED,
      fea: 'o:big,o:bad,o:small',
      o: { ...WORKED.o, per: names, fpm: '9007199254740993,-1,x' },
    });
    assert.deepEqual(big.orgPermissions, ['org:big:p0', 'org:big:p53'], '2^53 + 1');
    const wide = await authOf(context, {
      ...WORKED,
      fea: 'o:w',
      o: { ...WORKED.o, per: names, fpm: '9223372036854775809' },
    });
    assert.deepEqual(wide.orgPermissions, ['org:w:p0', 'org:w:p63'], '2^63 + 1');
    const empty = await authOf(context, { ...WORKED, o: { ...WORKED.o, per: '' } });
    assert.deepEqual(empty.orgPermissions, [], 'empty per');
  }),
  scenario(
    'session token v2: v "2" takes the v1 mapping; a fea part without a colon grants nothing',
    async context => {
      const stringVersion = await authOf(context, { ...WORKED, v: '2' });
      assert.equal(stringVersion.orgId, undefined, 'orgId of v "2"');
      assert.equal(stringVersion.orgPermissions, undefined, 'orgPermissions of v "2"');
      const noColon = await authOf(context, { ...WORKED, fea: 'o:billing,members' });
      assert.equal(noColon.orgId, 'org_conformance', 'orgId without a colon');
      assert.deepEqual(noColon.orgPermissions, [], 'orgPermissions without a colon');
      assert.equal(noColon.has({ feature: 'billing' }), false, 'has feature without a colon');
    },
  ),
  scenario('session token v2: has() answers the examples of 2.3', async context => {
    const auth = await authOf(context, WORKED);
    const table = [
      [{ role: 'org:admin' }, true],
      [{ role: 'admin' }, false],
      [{ permission: 'org:members:manage' }, true],
      [{ permission: 'org:reports:manage' }, false],
      [{ feature: 'audit' }, true],
      [{ feature: 'o:audit' }, false],
      [{ feature: 'x:audit' }, false],
      [{ plan: 'organization:pro' }, true],
      [{ reverification: 'strict' }, false],
      [{ reverification: 'moderate' }, true],
      [{ role: 'admin', feature: 'members' }, true],
      [{ role: 'org:admin', reverification: 'strict' }, false],
      [{ reverification: { level: 'first_factor', afterMinutes: 6 } }, true],
      [{ reverification: { level: 'multi_factor', afterMinutes: 0 } }, false],
    ];
    for (const [params, expected] of table) assert.equal(auth.has(params), expected, JSON.stringify(params));
    const minusOne = await authOf(context, { ...WORKED, fva: [-1, -1] });
    assert.equal(minusOne.has({ reverification: 'lax' }), false, 'fva -1, -1');
    assert.throws(() => auth.has({}), { message: /^Missing parameters/ }, 'has({}) throws as in 0.x');
  }),
];
