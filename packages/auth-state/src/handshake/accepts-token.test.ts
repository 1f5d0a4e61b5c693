// `acceptsToken` (current-clerk.md 5.4): the rows that need no successful machine verification, and the
// recognition of machine tokens (5.1).
import { describe, expect, it } from 'vitest';
import {
  browserRequest,
  PROD_FAPI,
  PROD_PK,
  PROD_SK,
  PROD_SUFFIX,
  sessionToken,
  signRaw,
} from '../../test/current-fixtures';
import { instanceKey, nowSeconds } from '../../test/keys';
import { authenticateRequest, type CurrentAuthenticateOptions } from '../index';
import { getTokenType, isMachineToken } from '../machine/index';

const APP = 'https://app.example.com/api';
const options = (acceptsToken: CurrentAuthenticateOptions['acceptsToken']): CurrentAuthenticateOptions => ({
  publishableKey: PROD_PK,
  secretKey: PROD_SK,
  jwtKey: instanceKey.publicPem,
  env: {},
  acceptsToken,
});
const bearer = (token: string) => new Request(APP, { headers: { authorization: `Bearer ${token}` } });

describe('machine token recognition (5.1)', () => {
  it('by prefix and JWT shape, M2M before OAuth before API key', () => {
    expect(getTokenType('mt_abc')).toBe('m2m_token');
    expect(getTokenType('oat_abc')).toBe('oauth_token');
    expect(getTokenType('ak_abc')).toBe('api_key');
    expect(getTokenType(signRaw({ sub: 'mch_1' }))).toBe('m2m_token');
    expect(getTokenType(signRaw({ sub: 'user_1' }, { typ: 'at+jwt' }))).toBe('oauth_token');
    expect(getTokenType(signRaw({ sub: 'user_1' }, { typ: 'application/at+jwt' }))).toBe('oauth_token');
    expect(getTokenType(signRaw({ sub: 'mch_1' }, { typ: 'at+jwt' }))).toBe('m2m_token');
    expect(getTokenType(sessionToken(PROD_FAPI))).toBe('session_token');
    expect(isMachineToken('sk_live_x')).toBe(false);
    expect(isMachineToken('a.b')).toBe(false);
  });
});

describe('acceptsToken', () => {
  it('a list without the header token kind: token-type-mismatch, tokenType null, no echo, invalid-token object', async () => {
    const state = await authenticateRequest(bearer('ak_123'), options(['session_token', 'm2m_token']));
    expect(state).toMatchObject({
      status: 'signed-out',
      reason: 'token-type-mismatch',
      message: '',
      tokenType: null,
      publishableKey: '',
      proxyUrl: '',
      isSatellite: false,
      domain: '',
    });
    expect(state.headers.get('x-clerk-auth-reason')).toBe('token-type-mismatch');
    const auth = state.toAuth() as unknown as Record<string, unknown>;
    expect(Object.keys(auth).sort()).toEqual(['debug', 'getToken', 'has', 'isAuthenticated', 'tokenType']);
    expect(auth.tokenType).toBeNull();
  });

  it('a list: no token counts as session_token', async () => {
    expect((await authenticateRequest(new Request(APP), options(['api_key']))).tokenType).toBeNull();
    const cookieFlow = await authenticateRequest(new Request(APP), options(['session_token', 'api_key']));
    expect(cookieFlow.reason).toBe('session-token-and-uat-missing');
  });

  it('any and lists: a session token in the header is verified as a session', async () => {
    const token = sessionToken(PROD_FAPI);
    for (const accepted of ['any', ['session_token']] as const) {
      const state = await authenticateRequest(bearer(token), options(accepted as never));
      expect(state.status).toBe('signed-in');
      expect(state.tokenType).toBe('session_token');
    }
  });

  it.each(['api_key', 'm2m_token', 'oauth_token'] as const)(
    '%s without a header token: No token in header',
    async accepted => {
      const token = sessionToken(PROD_FAPI);
      // Cookies are never read for machine tokens, even a valid session cookie.
      const request = browserRequest(APP, {
        cookies: {
          [`__session_${PROD_SUFFIX}`]: token,
          [`__client_uat_${PROD_SUFFIX}`]: String(nowSeconds()),
        },
      });
      const state = await authenticateRequest(request, options(accepted));
      expect(state).toMatchObject({
        status: 'signed-out',
        reason: 'No token in header',
        message: '',
        tokenType: accepted,
      });
      expect(state.toAuth()).toMatchObject({ tokenType: accepted, isAuthenticated: false, id: null });
    },
  );

  it('a machine type with a session token or another machine kind: token-type-mismatch with that type', async () => {
    const mismatch = await authenticateRequest(bearer(sessionToken(PROD_FAPI)), options('api_key'));
    expect(mismatch).toMatchObject({ reason: 'token-type-mismatch', tokenType: 'api_key' });
    const other = await authenticateRequest(bearer('mt_123'), options('oauth_token'));
    expect(other).toMatchObject({ reason: 'token-type-mismatch', tokenType: 'oauth_token' });
  });

  it('api_key and m2m_token need no publishable key; session_token and oauth_token do', async () => {
    const noKey = { secretKey: PROD_SK, env: {} };
    expect((await authenticateRequest(bearer('mt_1'), { ...noKey, acceptsToken: 'api_key' })).reason).toBe(
      'token-type-mismatch',
    );
    await expect(
      authenticateRequest(bearer('oat_1'), { ...noKey, acceptsToken: 'oauth_token' }),
    ).rejects.toThrow(/^Publishable key is missing\. /);
  });
});
