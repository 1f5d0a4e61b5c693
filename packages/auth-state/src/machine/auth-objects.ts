import { createDebug } from '../auth-objects/debug';
import type { MachineTokenType } from './token-type';
import type {
  APIKeyData,
  AuthenticatedMachineObject,
  IdPOAuthAccessTokenData,
  InvalidTokenAuthObject,
  M2MTokenData,
  MachineTokenData,
  UnauthenticatedMachineObject,
} from './types';

type DebugData = () => Record<string, unknown>;

const never = (): false => false;

/** `debug()` of a machine auth object: the data asked for lazily, secrets (the machine key too) cut to 7 characters. */
function machineDebug(debug: DebugData | undefined): () => Record<string, unknown> {
  return () => {
    const data = createDebug(debug?.())();
    const machineKey = data.machineSecretKey;
    if (machineKey !== undefined)
      data.machineSecretKey = typeof machineKey === 'string' ? machineKey.substring(0, 7) : '';
    return data;
  };
}

const prefixed = (subject: string, prefix: string): string | null =>
  subject.startsWith(prefix) ? subject : null;

/** The auth object of a request a machine token authenticated (5.5). */
export function authenticatedMachineObject(
  tokenType: MachineTokenType,
  token: string,
  data: MachineTokenData,
  debug?: DebugData,
): AuthenticatedMachineObject {
  const base = {
    id: data.id,
    subject: data.subject,
    scopes: data.scopes,
    isAuthenticated: true as const,
    getToken: () => Promise.resolve(token),
    has: never,
    debug: machineDebug(debug),
  };
  switch (tokenType) {
    case 'api_key': {
      const key = data as APIKeyData;
      return {
        ...base,
        tokenType,
        name: key.name,
        claims: key.claims,
        userId: prefixed(key.subject, 'user_'),
        orgId: prefixed(key.subject, 'org_'),
      };
    }
    case 'm2m_token':
      return { ...base, tokenType, claims: (data as M2MTokenData).claims, machineId: data.subject };
    default:
      return {
        ...base,
        tokenType,
        userId: data.subject,
        clientId: (data as IdPOAuthAccessTokenData).clientId,
      };
  }
}

/** The auth object of a request that expected a machine token of this kind and did not authenticate (5.5). */
export function unauthenticatedMachineObject(
  tokenType: MachineTokenType,
  debug?: DebugData,
): UnauthenticatedMachineObject {
  const base = {
    id: null,
    subject: null,
    scopes: null,
    isAuthenticated: false as const,
    getToken: () => Promise.resolve(null),
    has: never,
    debug: machineDebug(debug),
  };
  switch (tokenType) {
    case 'api_key':
      return { ...base, tokenType, name: null, claims: null, userId: null, orgId: null };
    case 'm2m_token':
      return { ...base, tokenType, claims: null, machineId: null };
    default:
      return { ...base, tokenType, userId: null, clientId: null };
  }
}

/** The auth object of a request whose token type was not accepted (5.5): nothing but the fixed fields. */
export function invalidTokenAuthObject(): InvalidTokenAuthObject {
  return {
    isAuthenticated: false,
    tokenType: null,
    getToken: () => Promise.resolve(null),
    has: never,
    debug: () => ({}),
  };
}
