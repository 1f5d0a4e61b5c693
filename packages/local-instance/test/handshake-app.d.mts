/** What the example application reads of a request state of the current call form. */
export interface HandshakeAppState {
  status: string;
  reason: string | null;
  message: string | null;
  headers: Headers;
  toAuth(): { userId?: string | null; sessionId?: string | null } | null;
}

/** One answer of the example application. */
export interface HandshakeAppVisit {
  url: string;
  /** HTTP status it answered: 200, 307, 401 or 500. */
  status: number;
  /** The state's `status`, or `error` when `authenticate` threw. */
  authStatus: string | null;
  /** The state's `reason`, or the thrown error's message. */
  reason: string | null;
  /** The state's `location` header (the redirect of a 307), else `null`. */
  location: string | null;
}

export interface HandshakeApp {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Every answer, oldest first. */
  visits: HandshakeAppVisit[];
  close(): Promise<void>;
}

export interface HandshakeAppOptions {
  /** The function under test, e.g. `request => clerk.authenticateRequest(request)`. */
  authenticate: (request: Request) => Promise<HandshakeAppState>;
  /** Where the signed-out page links to; `redirect_url` is added. */
  signInUrl?: string | null;
  /** Default 0 (a free port). */
  port?: number;
}

export function startHandshakeApp(options: HandshakeAppOptions): Promise<HandshakeApp>;
