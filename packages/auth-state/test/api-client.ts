// A small hand-written Backend API client over fetch, standing in for @clerk/bapi-client in the tests.
import type { AuthStateApiClient, BackendApiError, BackendApiResult } from '../src/index';

interface RawError {
  code: string;
  message: string;
  long_message?: string;
  meta?: unknown;
}

export function createTestApiClient(apiUrl: string, secretKey: string): AuthStateApiClient {
  async function call<T>(
    method: string,
    path: string,
    pick: (body: any) => T = body => body,
  ): Promise<BackendApiResult<T>> {
    const response = await fetch(`${apiUrl}/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    });
    const text = await response.text();
    const body = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (!response.ok) {
      const errors: BackendApiError[] = (body.errors as RawError[]).map(error => ({
        code: error.code,
        message: error.message,
        longMessage: error.long_message,
        meta: error.meta,
      }));
      return { data: null, errors };
    }
    return { data: pick(body), errors: null };
  }
  const id = encodeURIComponent;
  return {
    sessions: {
      getSession: sessionId => call('GET', `/sessions/${id(sessionId)}`),
      getToken: (sessionId, template) =>
        call(
          'POST',
          `/sessions/${id(sessionId)}/tokens${template ? `/${id(template)}` : ''}`,
          body => body.jwt,
        ),
    },
    users: { getUser: userId => call('GET', `/users/${id(userId)}`) },
    organizations: {
      getOrganization: ({ organizationId }) => call('GET', `/organizations/${id(organizationId)}`),
    },
    interstitial: { getInterstitial: () => call('GET', '/internal/interstitial') },
  };
}
