// The current form's states are typed for the call's `acceptsToken`: `toAuth()` of `session_token` calls is a
// session auth object, of one machine type that type's machine object, a handshake only where sessions are
// accepted and `tokenType: null` only for lists (current-clerk.md 5.4). The `expectTypeOf` lines are checked
// by `tsc` (the package's typecheck); the calls run for real, so the types are checked against what happens.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  browserRequest,
  PROD_FAPI,
  PROD_PK,
  PROD_SK,
  PROD_SUFFIX,
  sessionToken,
} from '../../test/current-fixtures';
import { instanceKey, nowSeconds } from '../../test/keys';
import type { CurrentAuthObject, CurrentSignedOutAuthObject } from '../auth-objects/current';
import { authenticateRequest } from '../authenticate/authenticate-request';
import { createAuthenticateRequest } from '../authenticate/create-authenticate-request';
import type { AcceptedTokenType, CurrentAuthenticateOptions } from '../handshake/options';
import type {
  AuthenticatedMachineObject,
  InvalidTokenAuthObject,
  MachineAuthObject,
  TokenType,
  UnauthenticatedMachineObject,
} from '../machine/index';
import type { CurrentRequestState } from './current-states';
import type { RequestState } from './request-state';

const APP = 'https://app.example.com/dashboard';
const base = { publishableKey: PROD_PK, secretKey: PROD_SK, jwtKey: instanceKey.publicPem, env: {} };
const signedInRequest = () =>
  browserRequest(APP, {
    cookies: {
      [`__session_${PROD_SUFFIX}`]: sessionToken(PROD_FAPI),
      [`__client_uat_${PROD_SUFFIX}`]: String(nowSeconds() - 10),
    },
  });

describe('AcceptedTokenType', () => {
  it('is every type for any, the members of a list, the type itself otherwise', () => {
    expectTypeOf<AcceptedTokenType<'any'>>().toEqualTypeOf<TokenType>();
    expectTypeOf<AcceptedTokenType<['api_key', 'oauth_token']>>().toEqualTypeOf<'api_key' | 'oauth_token'>();
    expectTypeOf<AcceptedTokenType<'m2m_token'>>().toEqualTypeOf<'m2m_token'>();
  });
});

describe('the state of a call, typed for its acceptsToken', () => {
  it('no acceptsToken: session states only, toAuth() a session auth object', async () => {
    const state = await authenticateRequest(signedInRequest(), base);
    expectTypeOf(state.tokenType).toEqualTypeOf<'session_token'>();
    expect(state.status).toBe('signed-in');
    if (state.status !== 'signed-in') return;
    const auth = state.toAuth();
    expectTypeOf(auth).toEqualTypeOf<CurrentAuthObject>();
    expect(auth).toMatchObject({
      tokenType: 'session_token',
      isAuthenticated: true,
      sessionId: 'sess_handshake_1',
    });
  });

  it('session_token: a handshake is possible, a signed-out toAuth() is the signed-out session object', async () => {
    const state = await authenticateRequest(browserRequest(APP), { ...base, acceptsToken: 'session_token' });
    expectTypeOf(state).toEqualTypeOf<CurrentRequestState<'session_token'>>();
    expectTypeOf(state.status).toEqualTypeOf<'signed-in' | 'signed-out' | 'handshake'>();
    expect(state.status).toBe('signed-out');
    if (state.status !== 'signed-out') return;
    expectTypeOf(state.toAuth()).toEqualTypeOf<CurrentSignedOutAuthObject>();
    expect(state.toAuth()).toMatchObject({
      tokenType: 'session_token',
      isAuthenticated: false,
      userId: null,
    });
  });

  it('one machine type: no handshake, toAuth() that type of machine object', async () => {
    const state = await authenticateRequest(browserRequest(APP), { ...base, acceptsToken: 'api_key' });
    expectTypeOf(state.status).toEqualTypeOf<'signed-in' | 'signed-out'>();
    expectTypeOf(state.tokenType).toEqualTypeOf<'api_key'>();
    expect(state).toMatchObject({ status: 'signed-out', reason: 'No token in header', tokenType: 'api_key' });
    if (state.status === 'signed-in') {
      expectTypeOf(state.toAuth()).toEqualTypeOf<AuthenticatedMachineObject<'api_key'>>();
      return;
    }
    const auth = state.toAuth();
    expectTypeOf(auth).toEqualTypeOf<UnauthenticatedMachineObject<'api_key'>>();
    expect(auth).toMatchObject({ tokenType: 'api_key', isAuthenticated: false, name: null });
  });

  it('a list: tokenType null and the invalid-token object are possible; the members otherwise', async () => {
    const state = await authenticateRequest(browserRequest(APP), { ...base, acceptsToken: ['m2m_token'] });
    expectTypeOf(state.tokenType).toEqualTypeOf<'m2m_token' | null>();
    expectTypeOf(state.status).toEqualTypeOf<'signed-in' | 'signed-out'>();
    expect(state).toMatchObject({ status: 'signed-out', reason: 'token-type-mismatch', tokenType: null });
    if (state.status !== 'signed-out') return;
    const auth = state.toAuth();
    expectTypeOf(auth).toEqualTypeOf<UnauthenticatedMachineObject<'m2m_token'> | InvalidTokenAuthObject>();
    expect(auth).toMatchObject({ tokenType: null, isAuthenticated: false });
  });

  it('options typed as CurrentAuthenticateOptions: every state and auth object (acceptsToken known at run time)', async () => {
    const options: CurrentAuthenticateOptions = { ...base, acceptsToken: 'any' };
    const state = await authenticateRequest(signedInRequest(), options);
    expectTypeOf(state).toEqualTypeOf<CurrentRequestState>();
    expectTypeOf(state.tokenType).toEqualTypeOf<TokenType | null>();
    expect(state).toMatchObject({ status: 'signed-in', tokenType: 'session_token' });
    if (state.status === 'signed-in') {
      expectTypeOf(state.toAuth()).toEqualTypeOf<CurrentAuthObject | AuthenticatedMachineObject>();
    }
    if (state.status === 'signed-out') {
      expectTypeOf(state.toAuth()).toEqualTypeOf<
        CurrentSignedOutAuthObject | UnauthenticatedMachineObject | InvalidTokenAuthObject
      >();
      expectTypeOf(state.toAuth()).toMatchTypeOf<CurrentSignedOutAuthObject | MachineAuthObject | object>();
    }
  });

  it('the factory and the 0.x form keep their types', async () => {
    const { authenticateRequest: authenticate } = createAuthenticateRequest({ options: base });
    const current = await authenticate(signedInRequest(), { acceptsToken: 'oauth_token' });
    expectTypeOf(current.tokenType).toEqualTypeOf<'oauth_token'>();
    expect(current).toMatchObject({ status: 'signed-out', tokenType: 'oauth_token' });
    const session = await authenticate(signedInRequest());
    expectTypeOf(session.tokenType).toEqualTypeOf<'session_token'>();
    expect(session.status).toBe('signed-in');
    // The 0.x form reads the unsuffixed cookies.
    const cookies = { __session: sessionToken(PROD_FAPI), __client_uat: String(nowSeconds() - 10) };
    const legacy = await authenticate({ request: browserRequest(APP, { cookies }) });
    expectTypeOf(legacy).toEqualTypeOf<RequestState>();
    expect(legacy.status).toBe('signed-in');
  });
});
