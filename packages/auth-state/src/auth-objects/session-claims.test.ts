// Session token v2 claims (current-clerk.md 1.2-1.4): the orgPermissions rebuild, fea/pla parsing, v1 vs v2.
import type { JwtPayload } from '@clerk/jwt-core';
import { describe, expect, it } from 'vitest';
import { organizationFields, parseScopedClaim, rebuildOrgPermissions } from './session-claims';

const WORKED_FEA = 'u:audit,o:billing,ou:members,o:reports';
const WORKED_PER = 'read,manage,delete';

const v2 = (o: unknown, extra: Partial<JwtPayload> = {}): JwtPayload => ({
  sub: 'user_1',
  sid: 'sess_1',
  exp: 2_000_000_000,
  v: 2,
  fea: WORKED_FEA,
  o,
  ...extra,
});

describe('orgPermissions rebuild (1.3)', () => {
  it('gives the worked example, by feature then by ascending bit', () => {
    expect(rebuildOrgPermissions(WORKED_FEA, WORKED_PER, '1,7,5')).toEqual([
      'org:billing:read',
      'org:members:read',
      'org:members:manage',
      'org:members:delete',
      'org:reports:read',
      'org:reports:delete',
    ]);
  });

  it('drops the features without a mask (fpm 1,7)', () => {
    expect(rebuildOrgPermissions(WORKED_FEA, WORKED_PER, '1,7')).toEqual([
      'org:billing:read',
      'org:members:read',
      'org:members:manage',
      'org:members:delete',
    ]);
  });

  it('ignores bits beyond the last name (mask 9) and surplus masks', () => {
    expect(rebuildOrgPermissions(WORKED_FEA, WORKED_PER, '9,7,5')).toEqual(
      rebuildOrgPermissions(WORKED_FEA, WORKED_PER, '1,7,5'),
    );
    expect(rebuildOrgPermissions(WORKED_FEA, WORKED_PER, '9,0,0')).toEqual(['org:billing:read']);
    expect(rebuildOrgPermissions('o:billing', WORKED_PER, '1,7,5,3')).toEqual(['org:billing:read']);
    expect(rebuildOrgPermissions('o:billing', 'read', '255').some(key => key.includes('undefined'))).toBe(
      false,
    );
  });

  it('is empty when per or fpm is missing or empty', () => {
    for (const [per, fpm] of [
      [undefined, '1'],
      ['', '1'],
      ['read', undefined],
      ['read', ''],
      [undefined, undefined],
    ])
      expect(rebuildOrgPermissions(WORKED_FEA, per, fpm)).toEqual([]);
  });

  it('a non-decimal mask grants nothing but keeps its position', () => {
    expect(rebuildOrgPermissions(WORKED_FEA, WORKED_PER, '-1,7,5')).toEqual([
      'org:members:read',
      'org:members:manage',
      'org:members:delete',
      'org:reports:read',
      'org:reports:delete',
    ]);
    for (const mask of ['-1', '1.5', 'x', '', '0x1', '1e2', '+1'])
      expect(rebuildOrgPermissions('o:billing,o:reports', WORKED_PER, `${mask},1`)).toEqual([
        'org:reports:read',
      ]);
  });

  it('accepts leading zeros and trims the parts', () => {
    expect(rebuildOrgPermissions(' o:billing , o:reports ', ' read , manage ', ' 003 , 02 ')).toEqual([
      'org:billing:read',
      'org:billing:manage',
      'org:reports:manage',
    ]);
  });

  it('reads masks above 2^53 exactly (arbitrary precision)', () => {
    const names = Array.from({ length: 70 }, (_, i) => `p${i}`).join(',');
    // 2^53 + 1: as a float it would round to 2^53 and lose bit 0.
    expect(rebuildOrgPermissions('o:f', names, '9007199254740993')).toEqual(['org:f:p0', 'org:f:p53']);
    // 2^64 + 2^63 + 1
    expect(rebuildOrgPermissions('o:f', names, (2n ** 64n + 2n ** 63n + 1n).toString())).toEqual([
      'org:f:p0',
      'org:f:p63',
      'org:f:p64',
    ]);
    // 15 digits (the fast path) and 16 digits (the BigInt path) agree at the boundary.
    expect(rebuildOrgPermissions('o:f', names, '999999999999999')).toHaveLength(
      (999999999999999).toString(2).replace(/0/g, '').length,
    );
    expect(rebuildOrgPermissions('o:f', names, '1000000000000000')).toHaveLength(
      1000000000000000n.toString(2).replace(/0/g, '').length,
    );
  });

  it('u: entries take no position; ou/uo entries do', () => {
    expect(rebuildOrgPermissions('u:a,uo:b,u:c,o:d', 'read', '1,1')).toEqual(['org:b:read', 'org:d:read']);
  });

  it('grants nothing when fea has a part without a colon (fail closed)', () => {
    expect(rebuildOrgPermissions('o:billing,members', WORKED_PER, '1,1')).toEqual([]);
    expect(rebuildOrgPermissions(['o:billing'], WORKED_PER, '1')).toEqual([]);
  });
});

describe('fea / pla parsing (1.4)', () => {
  it('splits by scope: o org, u user, ou/uo both, others ignored', () => {
    expect(parseScopedClaim('o:a,u:b,ou:c,uo:d,x:e,org:f')).toEqual({
      org: ['a', 'c', 'd'],
      user: ['b', 'c', 'd'],
    });
  });

  it('splits each trimmed part at the first colon', () => {
    expect(parseScopedClaim(' o:a:b , u:c ')).toEqual({ org: ['a:b'], user: ['c'] });
  });

  it('a falsy claim is two empty lists; a part without a colon is malformed', () => {
    expect(parseScopedClaim(undefined)).toEqual({ org: [], user: [] });
    expect(parseScopedClaim('')).toEqual({ org: [], user: [] });
    expect(parseScopedClaim('o:a,nocolon')).toBeNull();
    expect(parseScopedClaim('o:a,')).toBeNull();
    expect(parseScopedClaim(42)).toBeNull();
  });
});

describe('organisation fields (1.5)', () => {
  const worked = { id: 'org_1', slg: 'acme', rol: 'admin', per: WORKED_PER, fpm: '1,7,5' };

  it('maps o of a v2 token, adding the org: prefix blindly', () => {
    expect(organizationFields(v2(worked))).toEqual({
      orgId: 'org_1',
      orgRole: 'org:admin',
      orgSlug: 'acme',
      orgPermissions: rebuildOrgPermissions(WORKED_FEA, WORKED_PER, '1,7,5'),
    });
    expect(organizationFields(v2({ ...worked, rol: 'org:admin' })).orgRole).toBe('org:org:admin');
    expect(organizationFields(v2({ ...worked, rol: '' })).orgRole).toBeUndefined();
  });

  it('a v2 token without o has no organisation; o with no per/fpm has []', () => {
    expect(organizationFields(v2(undefined))).toEqual({
      orgId: undefined,
      orgRole: undefined,
      orgSlug: undefined,
      orgPermissions: undefined,
    });
    expect(organizationFields(v2({ id: 'org_1', rol: 'admin' })).orgPermissions).toEqual([]);
  });

  it('the v1 equivalence: one impersonation feature, per read,manage, fpm 3', () => {
    const fromV2 = organizationFields(
      v2(
        { id: 'org_1', slg: 'acme', rol: 'admin', per: 'read,manage', fpm: '3' },
        { fea: 'o:impersonation' },
      ),
    );
    const fromV1 = organizationFields({
      sub: 'user_1',
      exp: 1,
      org_id: 'org_1',
      org_slug: 'acme',
      org_role: 'org:admin',
      org_permissions: ['org:impersonation:read', 'org:impersonation:manage'],
    });
    expect(fromV2).toEqual(fromV1);
  });

  it('only the number 2 selects the v2 mapping: "2", 3 or no v take the flat claims', () => {
    for (const v of ['2', 3, undefined]) {
      expect(organizationFields(v2(worked, { v }))).toEqual({
        orgId: undefined,
        orgRole: undefined,
        orgSlug: undefined,
        orgPermissions: undefined,
      });
    }
    expect(
      organizationFields(v2(worked, { v: '2', org_id: 'org_flat', org_role: 'basic_member' })),
    ).toMatchObject({ orgId: 'org_flat', orgRole: 'basic_member' });
  });

  it('v1 claims are taken verbatim and v2 ignores them', () => {
    const flat = { org_id: 'org_flat', org_role: 'admin', org_slug: 'flat', org_permissions: ['x'] };
    expect(organizationFields({ sub: 'u', exp: 1, ...flat })).toEqual({
      orgId: 'org_flat',
      orgRole: 'admin',
      orgSlug: 'flat',
      orgPermissions: ['x'],
    });
    expect(organizationFields(v2(worked, flat)).orgId).toBe('org_1');
  });

  it('two auth objects never share a permission list', () => {
    const first = organizationFields(v2(worked));
    first.orgPermissions!.push('org:evil:everything');
    expect(organizationFields(v2(worked)).orgPermissions).toEqual(
      rebuildOrgPermissions(WORKED_FEA, WORKED_PER, '1,7,5'),
    );
  });

  it('stays exact for many distinct organisations (past the bound of remembered lists)', () => {
    for (let n = 0; n < 600; n++) {
      const fpm = `${n},${n % 8},5`;
      expect(organizationFields(v2({ ...worked, fpm })).orgPermissions).toEqual(
        rebuildOrgPermissions(WORKED_FEA, WORKED_PER, fpm),
      );
    }
  });

  it('non-string members of o are not taken', () => {
    expect(organizationFields(v2({ id: 7, slg: ['a'], rol: { x: 1 }, per: 1, fpm: 1 }))).toEqual({
      orgId: undefined,
      orgRole: undefined,
      orgSlug: undefined,
      orgPermissions: [],
    });
  });
});
