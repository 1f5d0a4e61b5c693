import { decodeJwt, hasValidSignature } from '@clerk/jwt-core';
import { ApiError, notFound, paramMissing } from '../api/api-error';
import { acceptOnly, booleanQuery, optionalBoolean, optionalString, requiredString } from '../api/params';
import type { InstanceContext, Router } from '../api/router';
import { requireSession } from '../resources/sessions';
import { cookieSessionToken, sessionTokenDirectives } from './directives';

// 401 tells the SDK to fall back to a handshake; the codes are this instance's (the real ones are undocumented).
const refreshRejected = (code: string, long: string): ApiError =>
  new ApiError(401, [{ code, message: long, long_message: long }]);

/** True when `token` carries a signature of a published instance key (its `exp` may have passed). */
async function signedByInstance(ctx: InstanceContext, token: string): Promise<boolean> {
  try {
    const jwt = decodeJwt(token);
    const key = ctx.keys.jwks().keys.find(candidate => candidate.kid === jwt.header.kid);
    return key ? await hasValidSignature(jwt, key) : false;
  } catch {
    return false;
  }
}

const faultsJson = (ctx: InstanceContext): Record<string, unknown> => {
  const { wrongSigningKey, noCookies, loop } = ctx.frontendApiState.faults.current;
  return { object: 'frontend_api_faults', wrong_signing_key: wrongSigningKey, no_cookies: noCookies, loop };
};

/**
 * The Backend API half of the handshake: nonce → cookie directives, and the session refresh the current SDK
 * calls with `__refresh_<suffix>`. Plus the control call that switches the Frontend API's faults.
 */
export function registerFrontendApiBackendRoutes(router: Router): void {
  router
    .add('GET', '/v1/clients/handshake_payload', ({ query, ctx }) => {
      const nonce = query.get('nonce');
      if (!nonce) throw paramMissing('nonce');
      const directives = ctx.frontendApiState.redeemNonce(nonce);
      if (!directives) throw notFound('handshake nonce');
      return { directives };
    })
    .add('POST', '/v1/sessions/:session_id/refresh', async ({ params, query, body, ctx }) => {
      acceptOnly(body, [
        'expired_token',
        'refresh_token',
        'request_origin',
        'request_headers',
        'format',
        'request_originating_ip',
      ]);
      const expiredToken = requiredString(body, 'expired_token');
      const refreshToken = requiredString(body, 'refresh_token');
      requiredString(body, 'request_origin');
      const format = optionalString(body, 'format') ?? 'token';
      if (format !== 'token' && format !== 'cookie')
        throw new ApiError(422, [
          {
            code: 'form_param_format_invalid',
            message: 'is invalid',
            long_message: 'format must be token or cookie.',
            meta: { param_name: 'format' },
          },
        ]);
      booleanQuery(query, 'suffixed_cookies');
      const session = requireSession(ctx, params.session_id!);
      if (session.status !== 'active')
        throw refreshRejected('session_not_active', `The session is ${session.status}; sign in again.`);
      if (ctx.frontendApiState.refreshTokens.get(refreshToken) !== session.id)
        throw refreshRejected('refresh_token_invalid', 'The refresh token does not belong to this session.');
      const claims = (await signedByInstance(ctx, expiredToken)) ? decodeJwt(expiredToken).payload : null;
      if (claims?.sid !== session.id)
        throw refreshRejected('expired_token_invalid', 'The expired token is not a token of this session.');
      return format === 'cookie'
        ? { object: 'cookies', cookies: sessionTokenDirectives(ctx, session) }
        : { object: 'token', jwt: cookieSessionToken(ctx, session) };
    })
    .add('GET', '/v1/local/frontend_api/faults', ({ ctx }) => faultsJson(ctx))
    .add('POST', '/v1/local/frontend_api/faults', ({ body, ctx }) => {
      acceptOnly(body, ['wrong_signing_key', 'no_cookies', 'loop']);
      ctx.frontendApiState.faults.set({
        wrongSigningKey: optionalBoolean(body, 'wrong_signing_key'),
        noCookies: optionalBoolean(body, 'no_cookies'),
        loop: optionalBoolean(body, 'loop'),
      });
      return faultsJson(ctx);
    });
}
