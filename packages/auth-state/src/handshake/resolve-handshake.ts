// Rule 0: turning a nonce or a handshake token into Set-Cookie headers (current-clerk.md 3.8).
import { TokenVerificationErrorReason } from '@clerk/jwt-core';
import {
  type CurrentSignedInState,
  type CurrentSignedOutState,
  currentSignedInSession,
  currentSignedOut,
} from '../states/current-states';
import { fetchHandshakePayload } from './backend-api';
import { type HandshakeContext, Names, urlOf } from './context';
import { applyDirectives } from './session-errors';
import { stateInputOf } from './state-input';
import { verifyHandshakeToken, verifySession } from './verify';

/** In development a token outside its time window is retried with this skew (a day): local clocks drift. */
const DEVELOPMENT_CLOCK_SKEW_IN_MS = 86_400_000;

const CLOCK_REASONS = new Set<string>([
  TokenVerificationErrorReason.TokenExpired,
  TokenVerificationErrorReason.TokenNotActiveYet,
  'token-iat-in-the-future',
]);

/** Nonce first (Backend API), else the handshake token (instance key). */
function directivesOf(context: HandshakeContext): Promise<string[]> {
  if (context.handshakeNonce) return fetchHandshakePayload(context.options, context.handshakeNonce);
  return verifyHandshakeToken(context.handshakeToken as string, context.options);
}

/**
 * Resolves the handshake: the directives become `set-cookie`, development redirects to the clean URL, and the
 * new session token decides signed-in or `session-token-missing`. Any other failure throws (rule 0 decides).
 */
export async function resolveHandshake(
  context: HandshakeContext,
): Promise<CurrentSignedInState | CurrentSignedOutState> {
  const input = stateInputOf(context);
  const headers = new Headers({
    'Access-Control-Allow-Origin': 'null',
    'Access-Control-Allow-Credentials': 'true',
  });
  const sessionToken = applyDirectives(headers, await directivesOf(context));
  if (context.instanceType === 'development') {
    const clean = new URL(urlOf(context));
    for (const name of [Names.Handshake, Names.HandshakeHelp, Names.DevBrowser, Names.HandshakeNonce]) {
      clean.searchParams.delete(name);
    }
    headers.append('location', clean.toString());
    headers.set('cache-control', 'no-store');
  }
  if (!sessionToken) return currentSignedOut(input, 'session_token', 'session-token-missing', '', headers);
  try {
    return currentSignedInSession(
      input,
      await verifySession(sessionToken, context.options),
      sessionToken,
      headers,
    );
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? '';
    if (context.instanceType !== 'development' || !CLOCK_REASONS.has(reason)) {
      throw new Error((error as Error).message || 'Clerk: Handshake failed.');
    }
    console.error(
      'Clerk: the session token from the handshake is outside its validity window: the system clock is probably ' +
        'off. Retrying with a one-day clock skew (development only).',
    );
    try {
      const claims = await verifySession(sessionToken, context.options, {
        clockSkewInMs: DEVELOPMENT_CLOCK_SKEW_IN_MS,
      });
      return currentSignedInSession(input, claims, sessionToken, headers);
    } catch (retryError) {
      throw new Error((retryError as Error).message || 'Clerk: Handshake retry failed.');
    }
  }
}
