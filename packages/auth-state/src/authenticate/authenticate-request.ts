import { AuthErrorReason } from '../states/auth-status';
import { signedOut } from '../states/build-states';
import type { RequestState } from '../states/request-state';
import { contextFor, cookieRules } from './cookie-rules';
import { stateFromError } from './map-error';
import type { AuthenticateRequestOptions, NormalizedOptions } from './options';
import { readRequest } from './read-request';
import { buildSignedInState } from './signed-in-state';
import { validateOptions } from './validate-options';
import { verifySessionToken } from './verify-session-token';

/** The Authorization header flow: verify the bearer token; no browser, origin or cookie checks. */
async function authenticateHeaderToken(options: NormalizedOptions): Promise<RequestState> {
  const token = options.headerToken as string;
  try {
    const claims = await verifySessionToken(token, options);
    return await buildSignedInState(options, claims, token);
  } catch (error) {
    return stateFromError(error, 'header', options);
  }
}

/** The cookie flow: the ordered rules, the first state returned wins. */
async function authenticateCookies(options: NormalizedOptions): Promise<RequestState> {
  const ctx = contextFor(options);
  try {
    for (const rule of cookieRules) {
      const state = await rule(ctx);
      if (state) return state;
    }
    return signedOut(options, AuthErrorReason.UnexpectedError);
  } catch (error) {
    return stateFromError(error, 'cookie', options);
  }
}

/**
 * Decides whether a request is signed in, signed out, needs the interstitial, or carries a token the
 * client must refresh. Rejects only for configuration errors (missing secret key, bad satellite setup).
 */
export async function authenticateRequest(options: AuthenticateRequestOptions): Promise<RequestState> {
  const normalized = readRequest(options);
  validateOptions(normalized);
  return normalized.headerToken ? authenticateHeaderToken(normalized) : authenticateCookies(normalized);
}
