import { asMachineError } from './errors';
import { resolveMachineOptions } from './options';
import { type MachineTokenType, machineTokenTypeByPrefix } from './token-type';
import type { MachineAuthOptions, MachineTokenVerificationResult } from './types';
import { decodeMachineJwt, verifyMachineJwt } from './verify-jwt';
import { verifyOpaqueToken } from './verify-opaque';

/**
 * Verifies an M2M token, an OAuth access token or an API key (current Clerk, 5.2): opaque tokens with the
 * Backend API (`machineSecretKey` or `secretKey`), machine JWTs networklessly. Never rejects: the result holds
 * the token's data or exactly one `MachineTokenVerificationError`.
 */
export async function verifyMachineAuthToken(
  token: string,
  options: MachineAuthOptions = {},
): Promise<MachineTokenVerificationResult> {
  const text = typeof token === 'string' ? token : '';
  const opaque = machineTokenTypeByPrefix(text);
  // Anything but an M2M JWT or an opaque token is reported as an OAuth token, the last kind tried (as 3.x does).
  let tokenType: MachineTokenType = opaque ?? 'oauth_token';
  try {
    const resolved = resolveMachineOptions(options);
    if (opaque) return { data: await verifyOpaqueToken(opaque, text, options, resolved), tokenType };
    const decoded = decodeMachineJwt(text);
    tokenType = decoded.kind;
    return { data: await verifyMachineJwt(text, decoded, options, resolved), tokenType };
  } catch (error) {
    return { tokenType, errors: [asMachineError(error)] };
  }
}
