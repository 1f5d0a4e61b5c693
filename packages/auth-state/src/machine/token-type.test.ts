import { signJwt } from '@clerk/jwt-core';
import * as oracle from 'clerk-backend-3/internal';
import { describe, expect, it } from 'vitest';
import { instanceKey } from '../../test/keys';
import { getTokenType, isMachineToken } from './index';

const sign = (payload: Record<string, unknown>, header: Record<string, unknown>) =>
  signJwt({ exp: 2_000_000_000, ...payload }, instanceKey.privatePem, { algorithm: 'RS256', header });

describe('recognition (5.1)', async () => {
  const m2mJwt = await sign({ sub: 'mch_abc' }, { typ: 'JWT' });
  const m2mAsOAuth = await sign({ sub: 'mch_abc' }, { typ: 'at+jwt' });
  const oauthJwt = await sign({ sub: 'user_abc' }, { typ: 'at+jwt' });
  const oauthAppJwt = await sign({ sub: 'user_abc' }, { typ: 'application/at+jwt' });
  const sessionJwt = await sign({ sub: 'user_abc', sid: 'sess_1' }, { typ: 'JWT' });
  const cases: Array<[string, string]> = [
    ['mt_0123456789abcdef0123456789abcdef', 'm2m_token'],
    ['mt_', 'm2m_token'],
    ['oat_0123', 'oauth_token'],
    ['ak_0123', 'api_key'],
    [m2mJwt, 'm2m_token'],
    [m2mAsOAuth, 'm2m_token'],
    [oauthJwt, 'oauth_token'],
    [oauthAppJwt, 'oauth_token'],
    [sessionJwt, 'session_token'],
    ['', 'session_token'],
    ['MT_0123', 'session_token'],
    ['sk_test_123', 'session_token'],
    ['a.b.c', 'session_token'],
    [`${m2mJwt}.extra`, 'session_token'],
    [`${m2mJwt.split('.').slice(0, 2).join('.')}.`, 'session_token'],
    [` ${m2mJwt}`, 'session_token'],
  ];

  it.each(cases)('%s is %s', (token, type) => {
    expect(getTokenType(token)).toBe(type);
    expect(isMachineToken(token)).toBe(type !== 'session_token');
  });

  it('agrees with @clerk/backend 3.x on isMachineToken', () => {
    for (const [token] of cases) expect(isMachineToken(token)).toBe(oracle.isMachineToken(token));
  });

  it('never throws on non-strings', () => {
    for (const value of [undefined, null, 42, {}]) {
      expect(getTokenType(value as unknown as string)).toBe('session_token');
      expect(isMachineToken(value as unknown as string)).toBe(false);
    }
  });
});
