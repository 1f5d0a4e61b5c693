import { MISSING_CURRENT_SECRET_KEY_MESSAGE, SDK_USER_AGENT } from '../constants';
import { joinPaths } from '../lib/join-paths';
import { MachineTokenVerificationErrorCode as Code, machineError } from './errors';
import { opaqueCacheKey, recallOpaque, rememberOpaque } from './opaque-cache';
import type { ResolvedMachineOptions } from './options';
import type { MachineTokenType } from './token-type';
import type {
  APIKeyData,
  IdPOAuthAccessTokenData,
  M2MTokenData,
  MachineAuthOptions,
  MachineTokenData,
} from './types';

type Json = Record<string, unknown>;

interface OpaqueKind {
  /** Path of the verify operation; no `/v1` (5.2). */
  path: string;
  /** Name of the body field carrying the token. */
  field: string;
  /** How the token is named in messages. */
  noun: string;
  /** The message of a 404. */
  notFound: string;
  toData(json: Json): MachineTokenData;
}

const string = (value: unknown): string => (typeof value === 'string' ? value : '');
const nullableString = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const nullableNumber = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const number = (value: unknown): number => (typeof value === 'number' ? value : 0);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const claims = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const common = (json: Json) => ({
  id: string(json.id),
  subject: string(json.subject),
  scopes: strings(json.scopes),
  revoked: json.revoked === true,
  revocationReason: nullableString(json.revocation_reason),
  expired: json.expired === true,
  expiration: nullableNumber(json.expiration),
  createdAt: number(json.created_at),
  updatedAt: number(json.updated_at),
});

const kinds: Record<MachineTokenType, OpaqueKind> = {
  m2m_token: {
    path: 'm2m_tokens/verify',
    field: 'token',
    noun: 'Machine token',
    notFound: 'Machine token not found',
    toData: (json): M2MTokenData => ({ ...common(json), claims: claims(json.claims) }),
  },
  oauth_token: {
    path: 'oauth_applications/access_tokens/verify',
    field: 'access_token',
    noun: 'OAuth token',
    notFound: 'OAuth token not found',
    toData: (json): IdPOAuthAccessTokenData => ({
      ...common(json),
      clientId: string(json.client_id),
      type: typeof json.type === 'string' ? json.type : 'oauth_token',
    }),
  },
  api_key: {
    path: 'api_keys/verify',
    field: 'secret',
    noun: 'API key',
    notFound: 'API key not found',
    toData: (json): APIKeyData => ({
      ...common(json),
      type: string(json.type) || 'api_key',
      name: string(json.name),
      claims: claims(json.claims),
      createdBy: nullableString(json.created_by),
      description: nullableString(json.description),
      lastUsedAt: nullableNumber(json.last_used_at),
    }),
  },
};

const unexpected = (status?: number) => machineError(Code.UnexpectedError, 'Unexpected error', { status });

/** The secret this kind is verified with (5.2): the machine key wins for M2M only; API keys and OAuth need the secret key. */
function bearerFor(tokenType: MachineTokenType, resolved: ResolvedMachineOptions): string | undefined {
  if (tokenType === 'm2m_token') return resolved.machineSecretKey || resolved.secretKey;
  if (resolved.secretKey) return resolved.secretKey;
  throw machineError(Code.InvalidSecretKey, MISSING_CURRENT_SECRET_KEY_MESSAGE, {
    action: 'Set the CLERK_SECRET_KEY environment variable.',
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The first error message of a Backend API error body, if there is one. */
function firstErrorMessage(body: unknown): string | undefined {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  const first = Array.isArray(errors) ? (errors[0] as { message?: unknown } | undefined) : undefined;
  return typeof first?.message === 'string' && first.message ? first.message : undefined;
}

/** A `fetch` bounded by a timeout, raced too, so a `fetch` that ignores its signal cannot hang verification. */
async function post(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutInMs: number,
): Promise<{ status: number; body: unknown }> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(unexpected());
    }, timeoutInMs);
  });
  const call = async () => {
    const response = await fetchImpl.call(globalThis, url, { ...init, signal: controller.signal });
    return { status: response.status, body: parseJson(await response.text()) };
  };
  try {
    return await Promise.race([call(), timedOut]);
  } catch {
    throw unexpected();
  } finally {
    clearTimeout(timer);
  }
}

/** A 200 answer as token data, or the typed rejection: revoked, expired and inactive tokens fail closed. */
function acceptedData(kind: OpaqueKind, body: unknown, skewInMs: number, now: number): MachineTokenData {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw unexpected(200);
  const json = body as Json;
  if (json.active === false) throw machineError(Code.TokenInvalid, `${kind.noun} is not active`);
  if (typeof json.id !== 'string' || typeof json.subject !== 'string') throw unexpected(200);
  const data = kind.toData(json);
  if (data.revoked) throw machineError(Code.TokenInvalid, `${kind.noun} has been revoked`);
  if (data.expired || (data.expiration !== null && data.expiration <= now - skewInMs))
    throw machineError(Code.TokenInvalid, `${kind.noun} has expired`);
  return deepFreeze(data);
}

// Cached data is shared by every caller that presents the token: nobody may change it for the others.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Verifies an opaque `mt_`, `oat_` or `ak_` token with the Backend API (5.2), through the short-lived cache of
 * successful verifications. Rejects with a `MachineTokenVerificationError` only.
 */
export async function verifyOpaqueToken(
  tokenType: MachineTokenType,
  token: string,
  options: MachineAuthOptions,
  resolved: ResolvedMachineOptions,
): Promise<MachineTokenData> {
  const kind = kinds[tokenType];
  const bearer = bearerFor(tokenType, resolved);
  const url = joinPaths(resolved.apiUrl, kind.path);
  const authorization = bearer ? `Bearer ${bearer}` : '';
  const cacheKey = opaqueCacheKey(url, authorization, token);
  if (resolved.cacheTtlInMs <= 0)
    return askBackendApi(kind, token, authorization, url, options, resolved, cacheKey);
  const remembered = recallOpaque(cacheKey, Date.now());
  if (remembered) return remembered;
  // Concurrent requests with the same token share one Backend API call (its failure too; nothing is kept).
  let pending = inFlight.get(cacheKey);
  if (!pending) {
    pending = askBackendApi(kind, token, authorization, url, options, resolved, cacheKey).finally(() =>
      inFlight.delete(cacheKey),
    );
    inFlight.set(cacheKey, pending);
  }
  return pending;
}

const inFlight = new Map<string, Promise<MachineTokenData>>();

async function askBackendApi(
  kind: OpaqueKind,
  token: string,
  authorization: string,
  url: string,
  options: MachineAuthOptions,
  resolved: ResolvedMachineOptions,
  cacheKey: string,
): Promise<MachineTokenData> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': SDK_USER_AGENT,
  };
  if (authorization) headers.Authorization = authorization;
  if (options.clerkApiVersion) headers['Clerk-API-Version'] = options.clerkApiVersion;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const { status, body } = await post(
    fetchImpl,
    url,
    { method: 'POST', headers, body: JSON.stringify({ [kind.field]: token }) },
    resolved.fetchTimeoutInMs,
  );

  if (status === 401)
    throw machineError(Code.InvalidSecretKey, firstErrorMessage(body) ?? 'Invalid secret key', { status });
  if (status === 404) throw machineError(Code.TokenInvalid, kind.notFound, { status });
  if (status < 200 || status >= 300) throw unexpected(status);
  const now = Date.now();
  const data = acceptedData(kind, body, resolved.clockSkewInMs, now);
  rememberOpaque(cacheKey, data, resolved.cacheTtlInMs, now);
  return data;
}
