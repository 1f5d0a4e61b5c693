// has() (current-clerk.md section 2): today's rules on current-form objects and on any 0.x-form call that
// asks a feature, plan or reverification; COMPATIBILITY row 10 for 0.x-form role/permission calls.
import type { JwtPayload } from '@clerk/jwt-core';
import { describe, expect, it } from 'vitest';
import {
  currentSignedInAuthObject,
  currentSignedOutAuthObject,
  signedInAuthObject,
  signedOutAuthObject,
} from '../index';
import type { CheckAuthorizationParams } from './types';

/** The v2 token of 2.3: the 1.3 worked example, role admin, plans u:free,o:pro, fva [5, 30]. */
const exampleClaims = (extra: Partial<JwtPayload> = {}): JwtPayload => ({
  sub: 'user_1',
  sid: 'sess_1',
  exp: 2_000_000_000,
  v: 2,
  fea: 'u:audit,o:billing,ou:members,o:reports',
  o: { id: 'org_1', slg: 'acme', rol: 'admin', per: 'read,manage,delete', fpm: '1,7,5' },
  pla: 'u:free,o:pro',
  fva: [5, 30],
  ...extra,
});

const current = (extra?: Partial<JwtPayload>) =>
  currentSignedInAuthObject({ token: 't', claims: exampleClaims(extra) });
const legacy = (extra?: Partial<JwtPayload>) => signedInAuthObject(exampleClaims(extra), { token: 't' });
const asAny = (value: unknown) => value as CheckAuthorizationParams;

describe('the examples of 2.3 (current form)', () => {
  const auth = current();
  const table: Array<[CheckAuthorizationParams, boolean]> = [
    [{}, false],
    [{ role: 'admin' }, true],
    [{ permission: 'members:manage' }, true],
    [{ permission: 'org:reports:manage' }, false],
    [{ feature: 'audit' }, true],
    [{ feature: 'o:audit' }, false],
    [{ feature: 'x:audit' }, false],
    [{ plan: 'organization:pro' }, true],
    [{ reverification: 'strict' }, false],
    [{ reverification: 'moderate' }, true],
    [{ role: 'org:admin', reverification: 'strict' }, false],
  ];
  it.each(table)('has(%j) is %s', (params, expected) => {
    expect(auth.has(params)).toBe(expected);
  });
});

describe('2.2 on a current-form object', () => {
  it('needs every asked condition, within and across dimensions', () => {
    const auth = current();
    expect(auth.has({ role: 'admin', permission: 'org:billing:read' })).toBe(true);
    expect(auth.has({ role: 'admin', permission: 'org:billing:manage' })).toBe(false);
    expect(auth.has({ role: 'member', permission: 'org:billing:read' })).toBe(false);
    expect(auth.has({ feature: 'billing', plan: 'u:free' })).toBe(true);
    expect(auth.has({ feature: 'billing', plan: 'u:pro' })).toBe(false);
    expect(auth.has({ role: 'admin', feature: 'members', reverification: 'moderate' })).toBe(true);
    expect(auth.has({ role: 'admin', feature: 'nope', reverification: 'moderate' })).toBe(false);
  });

  it('normalises any leading run of org: on roles and permissions, case-sensitively', () => {
    const auth = current();
    for (const role of ['admin', 'org:admin', 'org:org:admin']) expect(auth.has({ role })).toBe(true);
    expect(auth.has({ role: 'Admin' })).toBe(false);
    expect(auth.has({ permission: 'org:org:members:delete' })).toBe(true);
    const unprefixed = currentSignedInAuthObject({
      token: 't',
      claims: { sub: 'u', sid: 's', exp: 1, org_id: 'org_1', org_role: 'admin', org_permissions: [] },
    });
    expect(unprefixed.has({ role: 'org:admin' })).toBe(true);
  });

  it('scoped matches: one piece in either list, o/org/organization and u/user, first two pieces only', () => {
    const auth = current();
    expect(auth.has({ feature: 'members' })).toBe(true);
    expect(auth.has({ feature: 'org:members' })).toBe(true);
    expect(auth.has({ feature: 'user:members' })).toBe(true);
    expect(auth.has({ feature: 'organization:audit' })).toBe(false);
    expect(auth.has({ feature: 'u:audit' })).toBe(true);
    expect(auth.has({ feature: 'u:audit:extra' })).toBe(true);
    expect(auth.has({ feature: 'o:' })).toBe(false);
    expect(current({ fea: 'u:o' }).has({ feature: 'o:' })).toBe(true);
    expect(current({ fea: 'o:' }).has({ feature: 'o:' })).toBe(false);
    expect(auth.has({ plan: 'pro' })).toBe(true);
    expect(auth.has({ plan: 'free' })).toBe(true);
    expect(auth.has({ plan: 'o:free' })).toBe(false);
    expect(auth.has({ plan: 'user:free' })).toBe(true);
  });

  it('fails closed on unknown scopes, malformed claims and non-string values; never throws', () => {
    expect(current().has({ feature: 'team:audit' })).toBe(false);
    expect(current({ fea: 'o:billing,nocolon' }).has({ feature: 'billing' })).toBe(false);
    expect(current({ fea: '' }).has({ feature: 'billing' })).toBe(false);
    expect(current({ fea: undefined }).has({ feature: 'billing' })).toBe(false);
    expect(current({ pla: 'u:free,pro' }).has({ plan: 'free' })).toBe(false);
    expect(current({ fea: ['o:billing'] }).has({ feature: 'billing' })).toBe(false);
    const auth = current();
    for (const params of [{ role: 1 }, { permission: null }, { feature: 2 }, { plan: {} }, { role: '' }])
      expect(auth.has(asAny(params))).toBe(false);
    expect(auth.has(asAny(undefined))).toBe(false);
    expect(auth.has(asAny('admin'))).toBe(false);
  });

  it('an organisation check needs an active organisation', () => {
    const withoutOrg = current({ o: undefined });
    expect(withoutOrg.has({ role: 'admin' })).toBe(false);
    expect(withoutOrg.has({ permission: 'org:billing:read' })).toBe(false);
    expect(withoutOrg.has({ feature: 'audit' })).toBe(true);
  });

  it('a fea part without a colon makes the organisation permissions empty (fail closed)', () => {
    const auth = current({ fea: 'o:billing,members' });
    expect(auth.orgPermissions).toEqual([]);
    expect(auth.has({ permission: 'org:billing:read' })).toBe(false);
    expect(auth.has({ role: 'admin' })).toBe(true);
  });

  describe('reverification', () => {
    const withAges = (fva: unknown) => current({ fva });
    it('applies the presets and the level table, strictly (age = limit is stale)', () => {
      const cases: Array<[unknown, CheckAuthorizationParams['reverification'], boolean]> = [
        [[5, 9], 'strict_mfa', true],
        [[10, 5], 'strict_mfa', false],
        [[5, 10], 'strict', false],
        [[5, 9], 'strict', true],
        [[100, 59], 'moderate', true],
        [[0, 1439], 'lax', true],
        [[0, 1440], 'lax', false],
        // second factor not enrolled: the first factor decides, whatever the level
        [[5, -1], 'strict', true],
        [[5, -1], { level: 'multi_factor', afterMinutes: 10 }, true],
        [[10, -1], { level: 'second_factor', afterMinutes: 10 }, false],
        // first factor never verified
        [[-1, 5], { level: 'first_factor', afterMinutes: 10 }, false],
        [[-1, 5], { level: 'second_factor', afterMinutes: 10 }, true],
        [[-1, 5], { level: 'multi_factor', afterMinutes: 10 }, false],
        // both enrolled
        [[5, 50], { level: 'first_factor', afterMinutes: 10 }, true],
        [[50, 5], { level: 'second_factor', afterMinutes: 10 }, true],
        [[5, 50], { level: 'multi_factor', afterMinutes: 60 }, true],
        [[5, 60], { level: 'multi_factor', afterMinutes: 60 }, false],
        [[-1, -1], 'lax', false],
      ];
      for (const [fva, reverification, expected] of cases)
        expect(withAges(fva).has({ reverification }), JSON.stringify({ fva, reverification })).toBe(expected);
    });

    it('fails closed on malformed ages or configurations', () => {
      for (const fva of [
        undefined,
        null,
        [5],
        [5, 5, 5],
        [5, '5'],
        [-2, 5],
        [5, Number.NaN],
        [Infinity, 1],
        'x',
      ])
        expect(withAges(fva).has({ reverification: 'lax' }), JSON.stringify(fva)).toBe(false);
      for (const reverification of [
        'unknown',
        'toString',
        '',
        null,
        { level: 'first_factor', afterMinutes: 0 },
        { level: 'first_factor', afterMinutes: -5 },
        { level: 'first_factor', afterMinutes: '10' },
        { level: 'third_factor', afterMinutes: 10 },
        { level: 'first_factor' },
      ])
        expect(withAges([1, 1]).has(asAny({ reverification })), JSON.stringify(reverification)).toBe(false);
    });
  });

  it('a signed-out object answers false to everything and never throws', () => {
    const auth = currentSignedOutAuthObject();
    expect(auth.has({ role: 'admin' })).toBe(false);
    expect(auth.has(asAny(undefined))).toBe(false);
    expect(
      currentSignedInAuthObject({ token: 't', claims: exampleClaims({ sub: '' }) }).has({ feature: 'audit' }),
    ).toBe(false);
  });
});

describe('has() on the 0.x forms', () => {
  const MISSING =
    'Missing parameters. `has` from `auth` or `getAuth` requires a permission or role key to be passed. Example usage: `has({permission: "org:posts:edit"`';

  it('keeps row 10 for role and permission alone: exact strings, permission wins, has({}) throws', () => {
    const auth = legacy();
    expect(() => auth.has({})).toThrow(MISSING);
    expect(auth.has({ role: 'org:admin' })).toBe(true);
    expect(auth.has({ role: 'admin' })).toBe(false);
    expect(auth.has({ permission: 'org:members:manage' })).toBe(true);
    expect(auth.has({ permission: 'members:manage' })).toBe(false);
    expect(auth.has({ permission: 'org:billing:read', role: 'org:nobody' })).toBe(true);
  });

  it('a call asking a feature, plan or reverification follows 2.2', () => {
    const auth = legacy();
    expect(auth.has({ feature: 'audit' })).toBe(true);
    expect(auth.has({ plan: 'o:pro' })).toBe(true);
    expect(auth.has({ reverification: 'moderate' })).toBe(true);
    expect(auth.has({ role: 'admin', feature: 'audit' })).toBe(true);
    expect(auth.has({ role: 'org:admin', reverification: 'strict' })).toBe(false);
    expect(auth.has({ permission: 'org:billing:manage', role: 'admin', feature: 'audit' })).toBe(false);
    expect(auth.has({ feature: 'x:audit' })).toBe(false);
    expect(auth.has(asAny({ feature: null }))).toBe(false);
  });

  it('reads fea, pla and fva from a v1 token too', () => {
    const auth = signedInAuthObject(
      { sub: 'u', sid: 's', exp: 1, fea: 'u:export', pla: 'u:free', fva: [1, -1] },
      { token: 't' },
    );
    expect(auth.has({ feature: 'export', plan: 'free', reverification: 'strict' })).toBe(true);
  });

  it('the signed-out object stays false for everything', () => {
    expect(signedOutAuthObject().has({ feature: 'audit' })).toBe(false);
  });
});
