import * as oracle from 'clerk-backend-3/internal';
import { describe, expect, it } from 'vitest';
import {
  type APIKeyData,
  authenticatedMachineObject,
  type IdPOAuthAccessTokenData,
  invalidTokenAuthObject,
  type M2MTokenData,
  type MachineTokenType,
  unauthenticatedMachineObject,
} from './index';

const fields = {
  revoked: false,
  revocationReason: null,
  expired: false,
  expiration: null,
  createdAt: 1,
  updatedAt: 2,
};
const apiKey = (subject: string): APIKeyData => ({
  ...fields,
  id: 'ak_1',
  type: 'api_key',
  name: 'EXPORT',
  subject,
  scopes: ['read'],
  claims: { tier: 'gold' },
  createdBy: null,
  description: null,
  lastUsedAt: null,
});
const m2m: M2MTokenData = { ...fields, id: 'mt_1', subject: 'mch_1', scopes: ['mch_2'], claims: { a: 1 } };
const oauth: IdPOAuthAccessTokenData = {
  ...fields,
  id: 'oat_1',
  subject: 'user_1',
  scopes: ['profile'],
  clientId: 'client_1',
  type: 'oauth_token',
};
const sorted = (value: object) => Object.keys(value).sort();

describe('machine auth objects (5.5)', () => {
  it('api_key: name, claims, userId / orgId from the subject prefix', async () => {
    const forUser = authenticatedMachineObject('api_key', 'ak_raw', apiKey('user_1'));
    expect(forUser).toMatchObject({
      id: 'ak_1',
      subject: 'user_1',
      scopes: ['read'],
      tokenType: 'api_key',
      isAuthenticated: true,
      name: 'EXPORT',
      claims: { tier: 'gold' },
      userId: 'user_1',
      orgId: null,
    });
    expect(await forUser.getToken()).toBe('ak_raw');
    expect(forUser.has({ permission: 'org:x' })).toBe(false);
    expect(authenticatedMachineObject('api_key', 't', apiKey('org_1'))).toMatchObject({
      userId: null,
      orgId: 'org_1',
    });
    expect(authenticatedMachineObject('api_key', 't', apiKey('mch_1'))).toMatchObject({
      userId: null,
      orgId: null,
    });
  });

  it('m2m_token: claims and machineId; oauth_token: userId and clientId', () => {
    expect(authenticatedMachineObject('m2m_token', 't', m2m)).toMatchObject({
      tokenType: 'm2m_token',
      claims: { a: 1 },
      machineId: 'mch_1',
    });
    expect(authenticatedMachineObject('oauth_token', 't', oauth)).toMatchObject({
      tokenType: 'oauth_token',
      userId: 'user_1',
      clientId: 'client_1',
    });
  });

  it.each([
    ['api_key', apiKey('user_1')],
    ['m2m_token', m2m],
    ['oauth_token', oauth],
  ] as const)('%s objects carry exactly the keys of @clerk/backend 3.x', async (type, data) => {
    const ours = authenticatedMachineObject(type as MachineTokenType, 'tok', data);
    const theirs = oracle.authenticatedMachineObject(type, 'tok', data as never, {} as never);
    expect(sorted(ours)).toEqual(sorted(theirs));
    const signedOut = unauthenticatedMachineObject(type as MachineTokenType);
    expect(sorted(signedOut)).toEqual(sorted(oracle.unauthenticatedMachineObject(type, {} as never)));
    for (const [name, value] of Object.entries(signedOut)) {
      if (typeof value === 'function') continue;
      if (name === 'tokenType') expect(value).toBe(type);
      else if (name === 'isAuthenticated') expect(value).toBe(false);
      else expect(value).toBeNull();
    }
    expect(await signedOut.getToken()).toBeNull();
    expect(signedOut.has({ role: 'admin' })).toBe(false);
  });

  it('debug() is built lazily and cuts every key to 7 characters', () => {
    let calls = 0;
    const object = authenticatedMachineObject('m2m_token', 't', m2m, () => {
      calls++;
      return {
        secretKey: 'sk_test_abcdefgh',
        machineSecretKey: 'ak_abcdefghijk',
        jwtKey: undefined,
        note: 'kept',
      };
    });
    expect(calls).toBe(0);
    expect(object.debug()).toEqual({
      secretKey: 'sk_test',
      machineSecretKey: 'ak_abcd',
      jwtKey: '',
      apiKey: '',
      note: 'kept',
    });
    expect(calls).toBe(1);
  });

  it('the invalid-token object is exactly isAuthenticated, tokenType, getToken, has, debug', async () => {
    const object = invalidTokenAuthObject();
    expect(sorted(object)).toEqual(['debug', 'getToken', 'has', 'isAuthenticated', 'tokenType']);
    expect(sorted(object)).toEqual(sorted(oracle.invalidTokenAuthObject()));
    expect(object.isAuthenticated).toBe(false);
    expect(object.tokenType).toBeNull();
    expect(await object.getToken()).toBeNull();
    expect(object.has()).toBe(false);
    expect(object.debug()).toEqual({});
  });
});
