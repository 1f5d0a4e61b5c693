import {
  type AuthStateApiClient,
  signedInAuthObject as buildSignedInAuthObject,
  type SignedInAuthObject,
  type SignedInAuthObjectOptions,
} from '@clerk/auth-state';
import { createBackendApiClient } from '@clerk/bapi-client';

/**
 * A Backend API client built on first use from the auth object's `secretKey`/`apiKey`, `apiUrl` and
 * `apiVersion`, so that an auth object that never calls `getToken({ template })` costs no client.
 */
function lazyApiClient(options: SignedInAuthObjectOptions): AuthStateApiClient {
  let client: ReturnType<typeof createBackendApiClient> | undefined;
  const api = () => {
    client ??= createBackendApiClient({
      secretKey: options.secretKey,
      apiKey: options.apiKey,
      apiUrl: options.apiUrl || undefined,
      apiVersion: options.apiVersion || undefined,
    });
    return client;
  };
  return {
    sessions: {
      getSession: sessionId => api().sessions.getSession(sessionId),
      getToken: (sessionId, template) => api().sessions.getToken(sessionId, template),
    },
    users: { getUser: userId => api().users.getUser(userId) },
    organizations: { getOrganization: params => api().organizations.getOrganization(params) },
  };
}

/**
 * The auth object of verified session claims, as 0.x's root export: `getToken({ template })` calls the
 * Backend API itself (`POST {apiUrl}/{apiVersion}/sessions/{sid}/tokens/{template}` with `secretKey`) unless
 * an `apiClient` is given. A missing secret key rejects only when `getToken({ template })` is called.
 */
export function signedInAuthObject(
  sessionClaims: Parameters<typeof buildSignedInAuthObject>[0],
  options: SignedInAuthObjectOptions,
  debugData?: Record<string, unknown>,
): SignedInAuthObject {
  const apiClient = options.apiClient ?? lazyApiClient(options);
  return buildSignedInAuthObject(sessionClaims, { ...options, apiClient }, debugData);
}
