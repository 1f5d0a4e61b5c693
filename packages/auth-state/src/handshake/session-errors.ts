// Session error mapping and refresh with `__refresh_<suffix>` (current-clerk.md 3.9).
import {
  decodeJwt,
  type JwtPayload,
  type TokenCarrier,
  TokenVerificationError,
  TokenVerificationErrorReason,
} from '@clerk/jwt-core';
import { type CurrentRequestState, currentSignedInSession, currentSignedOut } from '../states/current-states';
import { callBackendApi } from './backend-api';
import { type HandshakeContext, Names, sessionTokenOf, urlOf } from './context';
import type { OrganizationMatcher } from './organization-sync';
import { handshakeOrSignedOut } from './redirect';
import { stateInputOf } from './state-input';
import { verifySession } from './verify';

/**
 * Why a refresh did not happen, or failed: the `<label>` of `session-token-expired-refresh-<label>` (besides a
 * Backend API error `code`). The reference's `missing-api-client` never occurs: the call uses the secret key.
 */
export const RefreshLabel = {
  NonEligibleNonGet: 'non-eligible-non-get',
  NonEligibleNoCookie: 'non-eligible-no-refresh-cookie',
  MissingSessionToken: 'missing-session-token',
  MissingRefreshToken: 'missing-refresh-token',
  ExpiredSessionTokenDecodeFailed: 'expired-session-token-decode-failed',
  ExpiredSessionTokenMissingSidClaim: 'expired-session-token-missing-sid-claim',
  FetchError: 'fetch-error',
  UnexpectedBapiError: 'unexpected-bapi-error',
  InvalidSessionToken: 'invalid-session-token',
  UnexpectedSdkError: 'unexpected-sdk-error',
} as const;

/** The name and value of a Set-Cookie directive (value: after the first `=`, up to the next `=` or `;`). */
export function cookieDirectiveParts(directive: string): { name: string; value: string } {
  const pair = directive.split(';')[0] ?? '';
  const [name = '', value = ''] = pair.split('=');
  return { name, value };
}

/** The directives as `set-cookie` headers, and the session token of the last `__session*` one. */
export function applyDirectives(headers: Headers, directives: string[]): string {
  let sessionToken = '';
  for (const directive of directives) {
    headers.append('set-cookie', directive);
    const { name, value } = cookieDirectiveParts(directive);
    if (name.startsWith(Names.Session)) sessionToken = value;
  }
  return sessionToken;
}

type Refreshed = { claims: JwtPayload; token: string; headers: Headers };

async function refreshSession(context: HandshakeContext): Promise<Refreshed | string> {
  const expired = sessionTokenOf(context);
  if (!expired) return RefreshLabel.MissingSessionToken;
  const refreshToken = context.refreshTokenInCookie;
  if (!refreshToken) return RefreshLabel.MissingRefreshToken;
  let sid: unknown;
  try {
    sid = decodeJwt(expired).payload.sid;
  } catch {
    return RefreshLabel.ExpiredSessionTokenDecodeFailed;
  }
  if (typeof sid !== 'string' || !sid) return RefreshLabel.ExpiredSessionTokenMissingSidClaim;
  const requestHeaders: Record<string, string[]> = {};
  context.headers.forEach((value, name) => {
    requestHeaders[name] = [value];
  });
  const answer = await callBackendApi(
    context.options,
    'POST',
    `/sessions/${encodeURIComponent(sid)}/refresh?suffixed_cookies=${context.suffixed}`,
    {
      format: 'cookie',
      expired_token: expired,
      refresh_token: refreshToken,
      request_origin: urlOf(context).origin,
      request_headers: requestHeaders,
    },
  );
  if (!answer.ok) {
    const [code] = answer.codes;
    if (answer.status === null || code === 'unexpected_error') return RefreshLabel.FetchError;
    return code || RefreshLabel.UnexpectedBapiError;
  }
  const cookies = (answer.body as { cookies?: unknown } | null)?.cookies;
  const directives = Array.isArray(cookies)
    ? cookies.filter((item): item is string => typeof item === 'string')
    : [];
  if (directives.length === 0) return RefreshLabel.UnexpectedBapiError;
  const headers = new Headers();
  const token = applyDirectives(headers, directives);
  try {
    return { claims: await verifySession(token, context.options), token, headers };
  } catch {
    return RefreshLabel.InvalidSessionToken;
  }
}

const HANDSHAKE_REASONS: Record<string, string> = {
  [TokenVerificationErrorReason.TokenNotActiveYet]: 'session-token-nbf',
  'token-iat-in-the-future': 'session-token-iat-in-the-future',
};

/** A failed session verification as a state: refresh, handshake or signed-out (current-clerk.md 3.9). */
export async function stateFromSessionError(
  error: unknown,
  carrier: TokenCarrier,
  context: HandshakeContext,
  organizations: OrganizationMatcher,
): Promise<CurrentRequestState> {
  const input = stateInputOf(context);
  if (!(error instanceof TokenVerificationError)) {
    return currentSignedOut(input, 'session_token', 'unexpected-error');
  }
  const expired = error.reason === TokenVerificationErrorReason.TokenExpired;
  let label: string;
  if (expired && context.refreshTokenInCookie && context.method === 'GET') {
    let refreshed: Refreshed | string;
    try {
      refreshed = await refreshSession(context);
    } catch {
      refreshed = RefreshLabel.UnexpectedSdkError;
    }
    if (typeof refreshed !== 'string') {
      return currentSignedInSession(input, refreshed.claims, refreshed.token, refreshed.headers);
    }
    label = refreshed;
  } else {
    label = context.method !== 'GET' ? RefreshLabel.NonEligibleNonGet : RefreshLabel.NonEligibleNoCookie;
  }
  error.tokenCarrier = carrier;
  const message = error.getFullMessage();
  if (expired)
    return handshakeOrSignedOut(context, organizations, `session-token-expired-refresh-${label}`, message);
  const reason = HANDSHAKE_REASONS[error.reason];
  if (reason) return handshakeOrSignedOut(context, organizations, reason, message);
  return currentSignedOut(input, 'session_token', error.reason, message);
}
