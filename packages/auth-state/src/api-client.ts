/** One error entry of a Backend API answer. */
export interface BackendApiError {
  /** The machine-readable code, e.g. `resource_not_found`. */
  code: string;
  /** A short message. */
  message: string;
  /** A longer message, when the server sent one. */
  longMessage?: string;
  /** Details, e.g. `{ paramName }`. */
  meta?: unknown;
}

/** What every Backend API method resolves to; it never rejects for what the server answered. */
export type BackendApiResult<T> =
  | {
      /** What the call returned. */
      data: T;
      /** `null` when the call succeeded. */
      errors: null;
    }
  | {
      /** `null` when the call failed. */
      data: null;
      /** What the server answered. */
      errors: BackendApiError[];
    };

/**
 * The part of the Backend API client that request authentication uses, injected so that token
 * verification never bundles the REST client. A `@clerk/bapi-client` instance fits it.
 */
export interface AuthStateApiClient {
  /** `getSession` for `loadSession`, `getToken` for `getToken({ template })`. */
  sessions: {
    getSession(sessionId: string): Promise<BackendApiResult<unknown>>;
    getToken(sessionId: string, template?: string): Promise<BackendApiResult<string>>;
  };
  /** `getUser` for `loadUser`. */
  users: {
    getUser(userId: string): Promise<BackendApiResult<unknown>>;
  };
  /** `getOrganization` for `loadOrganization`. */
  organizations: {
    getOrganization(params: { organizationId: string }): Promise<BackendApiResult<unknown>>;
  };
  /** Only needed by the deprecated `remotePrivateInterstitial`. */
  interstitial?: {
    getInterstitial(): Promise<BackendApiResult<string>>;
  };
}

/** A Backend API call answered with errors; `errors` holds what the server said. */
export class BackendApiRequestError extends Error {
  /** The call that failed, e.g. `sessions.getToken`. */
  readonly operation: string;
  /** What the server answered. */
  readonly errors: BackendApiError[];

  constructor(operation: string, errors: BackendApiError[]) {
    const detail = errors.map(error => error.longMessage || error.message || error.code).join('; ');
    super(`Backend API ${operation} failed: ${detail || 'no error details'}`);
    this.name = 'BackendApiRequestError';
    this.operation = operation;
    this.errors = errors;
  }
}

/** Awaits a Backend API call and returns its data, or throws {@link BackendApiRequestError}. */
export async function unwrapApiResult<T>(operation: string, call: Promise<BackendApiResult<T>>): Promise<T> {
  const result = await call;
  if (result.errors) throw new BackendApiRequestError(operation, result.errors);
  return result.data as T;
}

/** Throws a clear error when a feature needs the injected Backend API client and none was given. */
export function requireApiClient(
  apiClient: AuthStateApiClient | undefined,
  feature: string,
): AuthStateApiClient {
  if (!apiClient) {
    throw new Error(
      `${feature} needs the Backend API: pass an \`apiClient\` (for example a @clerk/bapi-client instance).`,
    );
  }
  return apiClient;
}
