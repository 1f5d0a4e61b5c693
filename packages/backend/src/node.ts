// @clerk/backend/node: glue for Node servers (node:http, Express, Fastify). Never imported by the root entry,
// so edge and browser bundles of @clerk/backend stay free of it.
import type { IncomingMessage } from 'node:http';

/** Options of {@link toWebRequest}. */
export interface ToWebRequestOptions {
  /**
   * The request body, when the handler needs it in the `Request` (already read by your framework, e.g.
   * `express.text()`). The stream of `req` is never read; without this option the `Request` has no body.
   */
  body?: string | Uint8Array;
}

const PROTOCOLS = new Set(['http', 'https']);

function protocolOf(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  if (first && PROTOCOLS.has(first)) return first;
  return (req.socket as { encrypted?: boolean } | undefined)?.encrypted ? 'https' : 'http';
}

/**
 * Builds a Fetch API `Request` from a Node `IncomingMessage`, for `authenticateRequest({ request })`: the
 * method, an absolute URL from the `Host` header (`localhost` when there is none) and `X-Forwarded-Proto`
 * (else the socket's TLS state), and every header, repeated ones included (joined with `, `; cookies with
 * `; `). Express's `req.originalUrl` is used when present, so a router mounted under a path keeps it.
 * Throws a `TypeError` when the `Host` header does not form a URL.
 */
export function toWebRequest(req: IncomingMessage, options: ToWebRequestOptions = {}): Request {
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const host = req.headers.host || 'localhost';
  let url: URL;
  try {
    url = new URL(path.startsWith('/') ? path : `/${path}`, `${protocolOf(req)}://${host}`);
  } catch {
    throw new TypeError(`toWebRequest: the Host header ${JSON.stringify(host)} does not form a URL.`);
  }
  const headers = new Headers();
  const cookies: string[] = [];
  const raw = req.rawHeaders ?? [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    // HTTP/2 pseudo-headers (:method, :path, ...) are not headers of the Fetch request.
    if (name.startsWith(':')) continue;
    if (name.toLowerCase() === 'cookie') cookies.push(raw[i + 1] as string);
    else headers.append(name, raw[i + 1] as string);
  }
  if (cookies.length) headers.set('cookie', cookies.join('; '));
  const method = req.method ?? 'GET';
  // A Uint8Array over a SharedArrayBuffer is not a BodyInit to TypeScript; Request copies the bytes either way.
  return new Request(url, { method, headers, body: options.body as BodyInit | undefined });
}
