// The current call form, `authenticateRequest(request, options)`: the start checks (current-clerk.md 3.6),
// the `acceptsToken` dispatch (5.4), the header flow and the cookie flow (3.7).

import { pickJwksOptions } from '@clerk/jwks-resolver';
import { assertSatelliteOptions } from '../authenticate/validate-options';
import { MISSING_CURRENT_SECRET_KEY_MESSAGE } from '../constants';
import {
  getTokenType,
  isMachineToken,
  type MachineTokenType,
  MachineTokenVerificationError,
  type TokenType,
  verifyMachineAuthToken,
} from '../machine/index';
import {
  type CurrentRequestState,
  currentSignedInMachine,
  currentSignedInSession,
  currentSignedOut,
  currentSignedOutInvalidToken,
} from '../states/current-states';
import { type HandshakeContext, headersOf, readContext, readHeaderContext } from './context';
import { runCookieFlow } from './cookie-rules';
import type { AcceptsToken, CurrentAuthenticateOptions } from './options';
import { createOrganizationMatcher, type OrganizationMatcher } from './organization-sync';
import type { PeekedJwt } from './peek-jwt';
import { type CurrentInstance, type ResolvedOptions, resolveOptions } from './resolve-options';
import { stateFromSessionError } from './session-errors';
import { stateInputOf } from './state-input';
import { isNonSessionToken, verifySession } from './verify';

const MISSING_MACHINE_KEY =
  'Machine token authentication requires either a Machine secret key or a Clerk secret key. Ensure a Clerk secret key or Machine secret key is set.';

const headerOnly = (accepts: AcceptsToken) => accepts === 'm2m_token' || accepts === 'api_key';

/** The configuration checks of 3.6; they throw, since they are the caller's bug, not the request's. */
function assertConfiguration(options: ResolvedOptions, context: HandshakeContext): void {
  if (options.acceptsToken !== 'm2m_token') {
    if (!options.secretKey) throw new Error(MISSING_CURRENT_SECRET_KEY_MESSAGE);
    if (options.isSatellite) assertSatelliteOptions(options, headersOf(context).origin);
  } else if (!options.machineSecretKey && !options.secretKey) {
    throw new Error(MISSING_MACHINE_KEY);
  }
}

async function machineState(
  context: HandshakeContext,
  token: string,
  accepted: AcceptsToken,
): Promise<CurrentRequestState> {
  const input = stateInputOf(context);
  const tokenType = getTokenType(token) as MachineTokenType;
  if (typeof accepted === 'string' && accepted !== 'any' && accepted !== tokenType) {
    return currentSignedOut(input, accepted, 'token-type-mismatch');
  }
  const { options } = context;
  try {
    const result = await verifyMachineAuthToken(token, {
      ...pickJwksOptions(options),
      secretKey: options.secretKey,
      machineSecretKey: options.machineSecretKey,
      apiUrl: options.apiUrl,
      jwtKey: options.jwtKey || undefined,
      clerkApiVersion: options.clerkApiVersion,
      audience: options.audience,
      authorizedParties: options.authorizedParties,
      clockSkewInMs: options.clockSkewInMs,
      skipJwksCache: options.skipJwksCache,
      jwksCacheTtlInMs: options.jwksCacheTtlInMs,
      fetch: options.fetch,
      env: options.env,
    });
    if (result.errors) {
      const [error] = result.errors;
      return currentSignedOut(input, result.tokenType, error.code, error.getFullMessage());
    }
    return currentSignedInMachine(input, result.tokenType, result.data, token);
  } catch (error) {
    const message = error instanceof MachineTokenVerificationError ? error.getFullMessage() : '';
    const reason = error instanceof MachineTokenVerificationError ? error.code : 'unexpected-error';
    return currentSignedOut(input, tokenType, reason, message);
  }
}

function decodedOrUndefined(context: HandshakeContext, token: string): PeekedJwt | undefined {
  try {
    return context.decode(token);
  } catch {
    return undefined;
  }
}

function headerSessionState(
  context: HandshakeContext,
  token: string,
  organizations: OrganizationMatcher,
): Promise<CurrentRequestState> {
  const input = stateInputOf(context);
  // With `any` or a list, a JWT-template token reaches the verifier, as the reference does (1.6 quirk);
  // machine JWTs never do.
  if (
    context.options.acceptsToken === 'session_token'
      ? isNonSessionToken(token, context.decode)
      : isMachineToken(token)
  ) {
    return Promise.resolve(currentSignedOut(input, 'session_token', 'token-type-mismatch'));
  }
  // A token that does not decode goes to the verifier as it is, which reports it exactly as before.
  const decoded = decodedOrUndefined(context, token);
  return verifySession(token, context.options, { decoded }).then(
    claims => currentSignedInSession(input, claims, token),
    error => stateFromSessionError(error, 'header', context, organizations),
  );
}

const typeOfHeaderToken = (token: string | undefined): TokenType =>
  token ? getTokenType(token) : 'session_token';

/**
 * `authenticateRequest(request, options)` merged with instance values: the current states, `signed-in`,
 * `signed-out` or `handshake`. Rejects only for configuration errors (keys, satellite setup, patterns).
 */
export function authenticateCurrentRequest(
  request: Request,
  call: CurrentAuthenticateOptions,
  instance: CurrentInstance,
): Promise<CurrentRequestState> {
  // Not `async` (see runCookieFlow), but it never throws: configuration errors reject.
  try {
    const options = resolveOptions(call, instance);
    const read = headerOnly(options.acceptsToken)
      ? readHeaderContext(request, options)
      : readContext(request, options);
    // The context is a promise only while the cookie suffix is first computed.
    return read instanceof Promise ? read.then(authenticateWithContext) : authenticateWithContext(read);
  } catch (error) {
    return Promise.reject(error);
  }
}

function authenticateWithContext(context: HandshakeContext): Promise<CurrentRequestState> {
  const { options } = context;
  assertConfiguration(options, context);
  const accepted = options.acceptsToken;
  const organizations = createOrganizationMatcher(options.organizationSyncOptions);
  const token = context.tokenInHeader;

  if (Array.isArray(accepted) && !accepted.includes(typeOfHeaderToken(token)))
    return Promise.resolve(currentSignedOutInvalidToken());
  if (token) {
    if (accepted === 'session_token') return headerSessionState(context, token, organizations);
    if (isMachineToken(token)) return machineState(context, token, accepted);
    if (accepted === 'any' || Array.isArray(accepted))
      return headerSessionState(context, token, organizations);
    return Promise.resolve(currentSignedOut(stateInputOf(context), accepted, 'token-type-mismatch'));
  }
  if (accepted === 'api_key' || accepted === 'm2m_token' || accepted === 'oauth_token') {
    return Promise.resolve(currentSignedOut(stateInputOf(context), accepted, 'No token in header'));
  }
  return runCookieFlow(context, organizations);
}
