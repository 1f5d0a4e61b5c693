// The two Backend API calls of the handshake flow, made with the secret key (current-clerk.md 3.8, 3.9).
import { SDK_USER_AGENT } from '../constants';
import { joinPaths } from '../lib/join-paths';
import type { ResolvedOptions } from './resolve-options';

/** What a Backend API call of the flow came back with. */
export type BackendApiAnswer =
  | { ok: true; body: unknown }
  | { ok: false; status: number | null; codes: string[]; cause?: unknown };

function errorCodesOf(body: unknown): string[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .map(error => (error as { code?: unknown })?.code)
    .filter((code): code is string => typeof code === 'string');
}

/** One JSON request to the Backend API; never rejects. */
export async function callBackendApi(
  options: ResolvedOptions,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<BackendApiAnswer> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${options.secretKey}`,
    'User-Agent': SDK_USER_AGENT,
  };
  if (options.clerkApiVersion) headers['Clerk-API-Version'] = options.clerkApiVersion;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const doFetch = options.fetch ?? fetch;
    const response = await doFetch.call(globalThis, joinPaths(options.apiUrl, options.apiVersion, path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (response.ok) return { ok: true, body: parsed };
    return { ok: false, status: response.status, codes: errorCodesOf(parsed) };
  } catch (cause) {
    return { ok: false, status: null, codes: [], cause };
  }
}

/** The Set-Cookie directives behind a handshake nonce; none when the call fails. */
export async function fetchHandshakePayload(options: ResolvedOptions, nonce: string): Promise<string[]> {
  const answer = await callBackendApi(
    options,
    'GET',
    `/clients/handshake_payload?nonce=${encodeURIComponent(nonce)}`,
  );
  if (!answer.ok) {
    console.error('Clerk: the handshake payload could not be loaded:', answer.status ?? answer.cause);
    return [];
  }
  const directives = (answer.body as { directives?: unknown } | null)?.directives;
  return Array.isArray(directives)
    ? directives.filter((item): item is string => typeof item === 'string')
    : [];
}
