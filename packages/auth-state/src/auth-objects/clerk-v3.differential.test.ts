// Differential tests against the real @clerk/backend 3.x (`clerk-backend-3`, its public exports only): the
// same signed v2 tokens through both give the same auth-object fields and the same has() answers.
import { decodeJwt } from '@clerk/jwt-core';
import { createClerkClient } from 'clerk-backend-3';
import { signedInAuthObject as v3SignedInAuthObject } from 'clerk-backend-3/internal';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { instanceKey, sessionClaims, signToken } from '../../test/keys';
import {
  authenticateRequest,
  type CheckAuthorizationParams,
  currentSignedInAuthObject,
  signedInAuthObject,
} from '../index';

const WORKED_O = { id: 'org_1', slg: 'acme', rol: 'admin', per: 'read,manage,delete', fpm: '1,7,5' };
const FEA = 'u:audit,o:billing,ou:members,o:reports';
const manyNames = Array.from({ length: 64 }, (_, i) => `p${i}`).join(',');

/** Token payloads covering 1.3-1.5 and their edge cases (none with a malformed fea: 3.x throws on those). */
const variants: Record<string, Record<string, unknown>> = {
  worked: { v: 2, fea: FEA, o: WORKED_O, pla: 'u:free,o:pro', fva: [5, 30] },
  'two masks': { v: 2, fea: FEA, o: { ...WORKED_O, fpm: '1,7' } },
  'surplus bit and mask': { v: 2, fea: FEA, o: { ...WORKED_O, fpm: '9,7,5,3' } },
  'non-decimal masks': { v: 2, fea: FEA, o: { ...WORKED_O, fpm: '-1,1.5,x' } },
  'empty per': { v: 2, fea: FEA, o: { ...WORKED_O, per: '' } },
  'missing fpm': { v: 2, fea: FEA, o: { id: 'org_1', slg: 'acme', rol: 'admin', per: 'read' } },
  'mask above 2^53': {
    v: 2,
    fea: 'o:big,o:small',
    o: { ...WORKED_O, per: manyNames, fpm: '9007199254740993,3' },
  },
  'mask 2^63 + 1': { v: 2, fea: 'o:big', o: { ...WORKED_O, per: manyNames, fpm: '9223372036854775809' } },
  'leading zeros and spaces': {
    v: 2,
    fea: ' o:a , uo:b ',
    o: { ...WORKED_O, per: ' read , manage ', fpm: ' 03 , 002 ' },
  },
  'unknown scopes': {
    v: 2,
    fea: 'x:one,o:two,org:three',
    o: { ...WORKED_O, fpm: '7,7' },
    pla: 'team:x,u:free',
  },
  'v "2" takes v1': { v: '2', fea: FEA, o: WORKED_O },
  'v 3 takes v1': { v: 3, fea: FEA, o: WORKED_O, org_id: 'org_flat', org_role: 'admin' },
  'v2 without o': { v: 2, fea: 'u:export', pla: 'u:free', fva: [0, -1] },
  'role with prefix': { v: 2, fea: FEA, o: { ...WORKED_O, rol: 'org:admin' } },
  'no role': { v: 2, fea: FEA, o: { ...WORKED_O, rol: '' } },
  v1: {
    org_id: 'org_1',
    org_role: 'org:admin',
    org_slug: 'acme',
    org_permissions: ['org:impersonation:read', 'org:impersonation:manage'],
  },
  'v1 role without prefix': { org_id: 'org_1', org_role: 'basic_member', org_permissions: [] },
  'fva -1 -1': { v: 2, fea: FEA, o: WORKED_O, fva: [-1, -1] },
  'fva -1 first': { v: 2, fea: FEA, o: WORKED_O, fva: [-1, 5] },
  'fva second not enrolled': { v: 2, fea: FEA, o: WORKED_O, fva: [3, -1] },
  'fva malformed': { v: 2, fea: FEA, o: WORKED_O, fva: [5] },
  pending: { v: 2, fea: FEA, o: WORKED_O, sts: 'pending', act: { sub: 'user_admin', type: 'agent' } },
};

const roles = ['admin', 'org:admin', 'org:org:admin', 'Admin', 'basic_member', 'org:basic_member', ''];
const permissions = [
  'org:billing:read',
  'billing:read',
  'org:members:manage',
  'org:reports:manage',
  'org:reports:delete',
  'org:impersonation:manage',
  'org:big:p0',
  'org:big:p53',
  'org:big:p63',
  'org:small:p1',
  'org:a:manage',
  'org:two:read',
  '',
];
const features = [
  'audit',
  'o:audit',
  'u:audit',
  'user:members',
  'org:billing',
  'organization:reports',
  'x:audit',
  'o:',
  'two',
  'export',
  '',
];
const plans = ['pro', 'free', 'u:free', 'o:pro', 'organization:pro', 'user:pro', 'team:x', ''];
const reverifications: CheckAuthorizationParams['reverification'][] = [
  'strict_mfa',
  'strict',
  'moderate',
  'lax',
  { level: 'first_factor', afterMinutes: 5 },
  { level: 'first_factor', afterMinutes: 6 },
  { level: 'second_factor', afterMinutes: 31 },
  { level: 'multi_factor', afterMinutes: 31 },
  { level: 'multi_factor', afterMinutes: 0 },
];

const paramMatrix: CheckAuthorizationParams[] = [
  {},
  ...roles.map(role => ({ role })),
  ...permissions.map(permission => ({ permission })),
  ...features.map(feature => ({ feature })),
  ...plans.map(plan => ({ plan })),
  ...reverifications.map(reverification => ({ reverification })),
  ...roles.flatMap(role => permissions.slice(0, 4).map(permission => ({ role, permission }))),
  ...features.slice(0, 5).flatMap(feature => plans.slice(0, 4).map(plan => ({ feature, plan }))),
  ...reverifications.flatMap(reverification => [
    { role: 'org:admin', reverification },
    { feature: 'audit', reverification },
  ]),
  {
    role: 'admin',
    permission: 'org:billing:read',
    feature: 'members',
    plan: 'o:pro',
    reverification: 'moderate',
  },
];

const FIELDS = [
  'tokenType',
  'actor',
  'sessionClaims',
  'sessionId',
  'sessionStatus',
  'userId',
  'orgId',
  'orgRole',
  'orgSlug',
  'orgPermissions',
  'factorVerificationAge',
  'isAuthenticated',
] as const;
const fieldsOf = (auth: object) => {
  const record = auth as Record<string, unknown>;
  return Object.fromEntries(FIELDS.map(field => [field, record[field]]));
};

const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const [name, extra] of Object.entries(variants)) tokens[name] = await signToken(sessionClaims(extra));
});

describe('auth objects agree with @clerk/backend 3.x on the same v2 tokens', () => {
  it.each(Object.keys(variants))('%s: fields, key order and every has() answer', name => {
    const token = tokens[name]!;
    const claims = decodeJwt(token).payload;
    const theirs = v3SignedInAuthObject({}, token, claims as never);
    const ours = currentSignedInAuthObject({ token, claims });
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    expect(fieldsOf(ours)).toEqual(fieldsOf(theirs));
    const answers = (auth: { has: (params: never) => boolean }) =>
      paramMatrix.map(params => [JSON.stringify(params), auth.has(params as never)]);
    expect(answers(ours)).toEqual(answers(theirs));
    // Some answers must be true and some false, or the comparison would prove little.
    if (name === 'worked')
      expect(new Set(answers(ours).map(([, answer]) => answer))).toEqual(new Set([true, false]));
  });

  it.each(Object.keys(variants))(
    '%s: the 0.x-form object answers feature, plan and reverification calls as 3.x',
    name => {
      const token = tokens[name]!;
      const claims = decodeJwt(token).payload;
      const theirs = v3SignedInAuthObject({}, token, claims as never);
      const ours = signedInAuthObject(claims, { token });
      for (const params of paramMatrix.filter(p => p.feature ?? p.plan ?? p.reverification)) {
        expect(ours.has(params), JSON.stringify(params)).toBe(theirs.has(params as never));
      }
    },
  );

  it('random v2 claims: the same orgPermissions and has() answers (property)', () => {
    const key = fc.constantFrom('a', 'b', 'read', 'manage', 'x1', '');
    const scope = fc.constantFrom('o', 'u', 'ou', 'uo', 'x', 'org', '');
    const mask = fc.oneof(
      fc.bigInt({ min: 0n, max: 2n ** 70n }).map(value => value.toString()),
      fc.nat(64).map(value => value.toString()),
      fc.constantFrom('-1', '1.5', 'x', '', ' 3 ', '007'),
    );
    const claimsArbitrary = fc.record({
      fea: fc
        .array(fc.tuple(scope, key), { maxLength: 6 })
        .map(parts => parts.map(p => p.join(':')).join(',')),
      per: fc.array(key, { maxLength: 8 }).map(names => names.join(',')),
      fpm: fc.array(mask, { maxLength: 7 }).map(masks => masks.join(',')),
      rol: fc.constantFrom('admin', 'org:admin', '', 'member'),
      pla: fc
        .array(fc.tuple(scope, key), { maxLength: 3 })
        .map(parts => parts.map(p => p.join(':')).join(',')),
      fva: fc.oneof(
        fc.tuple(fc.integer({ min: -2, max: 100 }), fc.integer({ min: -2, max: 100 })),
        fc.constantFrom(undefined, [5], [1, 2, 3], ['1', 2]),
      ),
    });
    const reverification = fc.oneof(
      fc.constantFrom('strict_mfa', 'strict', 'moderate', 'lax', 'other'),
      fc.record({
        level: fc.constantFrom('first_factor', 'second_factor', 'multi_factor', 'none'),
        afterMinutes: fc.integer({ min: -1, max: 120 }),
      }),
    );
    const asked = fc.record(
      {
        role: fc.constantFrom('admin', 'org:admin', 'member'),
        permission: fc.tuple(key, key).map(([feature, name]) => `org:${feature}:${name}`),
        feature: fc.tuple(scope, key).map(([s, k]) => (s ? `${s}:${k}` : k)),
        plan: fc.tuple(scope, key).map(([s, k]) => (s ? `${s}:${k}` : k)),
        reverification,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        claimsArbitrary,
        fc.array(asked, { minLength: 1, maxLength: 5 }),
        ({ fea, per, fpm, rol, pla, fva }, asks) => {
          const o = { id: 'org_1', slg: 's', rol, per, fpm };
          const claims = { ...sessionClaims(), v: 2, fea, pla, fva, o } as never;
          const theirs = v3SignedInAuthObject({}, 't', claims);
          const ours = currentSignedInAuthObject({ token: 't', claims });
          expect(ours.orgPermissions).toEqual(theirs.orgPermissions);
          expect(ours.orgRole).toEqual(theirs.orgRole);
          for (const params of asks)
            expect(ours.has(params as CheckAuthorizationParams), JSON.stringify(params)).toBe(
              theirs.has(params as never),
            );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the 0.x call form reads the same organisation fields as 3.x authenticateRequest', async () => {
    const clerk = createClerkClient({
      secretKey: 'sk_live_differential',
      publishableKey: `pk_live_${btoa('clerk.inspired.puma-74.lcl.dev$')}`,
    });
    for (const name of ['worked', 'mask above 2^53', 'v "2" takes v1', 'v1', 'v2 without o']) {
      const token = tokens[name]!;
      const request = new Request('https://app.example.com/api', {
        headers: { authorization: `Bearer ${token}` },
      });
      const theirState = await clerk.authenticateRequest(request, { jwtKey: instanceKey.publicPem });
      const ourState = await authenticateRequest({
        secretKey: 'sk_live_differential',
        jwtKey: instanceKey.publicPem,
        headerToken: token,
        env: {},
      });
      expect(theirState.isAuthenticated, name).toBe(true);
      expect(ourState.isSignedIn, name).toBe(true);
      const theirs = theirState.toAuth() as unknown as Record<string, unknown>;
      const ours = ourState.toAuth() as unknown as Record<string, unknown>;
      for (const field of ['sessionId', 'userId', 'orgId', 'orgRole', 'orgSlug', 'orgPermissions'])
        expect(ours[field], `${name}: ${field}`).toEqual(theirs[field]);
    }
  });
});
