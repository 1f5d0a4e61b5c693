// A tiny Backend API on 127.0.0.1: the JWKS, the four resource endpoints auth-state uses, the public
// interstitial, and the Frontend API JWKS behind a proxy path. It records every request it answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { instanceKey } from './keys';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/** Secret keys the server treats specially. */
export const EMPTY_JWKS_SECRET = 'sk_test_emptyjwks';
export const MISSING_SESSION_ID = 'sess_missing';
export const FAILING_TEMPLATE = 'no-such-template';

export interface BackendServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const notFound = (what: string) => ({
  errors: [
    { code: 'resource_not_found', message: `${what} not found`, long_message: `No ${what} was found` },
  ],
});

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function route(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');

  if (path === '/v1/jwks' && req.method === 'GET') {
    if (!bearer) return send(res, 401, { errors: [{ code: 'authorization_missing', message: 'no key' }] });
    return send(res, 200, bearer === EMPTY_JWKS_SECRET ? {} : { keys: [instanceKey.publicJwk] });
  }
  if (path === '/__clerk/.well-known/jwks.json') return send(res, 200, { keys: [instanceKey.publicJwk] });
  if (path === '/v1/public/interstitial') {
    return send(res, 200, `<p>remote interstitial for ${url.search}</p>`, 'text/html');
  }
  if (path === '/failing/v1/public/interstitial') return send(res, 503, 'down', 'text/plain');
  if (!bearer) return send(res, 401, { errors: [{ code: 'authorization_missing', message: 'no key' }] });

  const [, resource, id, tokens, template] = (
    path.match(/^\/v1\/(\w+)\/([^/]+)(?:\/(tokens)\/([^/]+))?$/) ?? []
  ).map(part => (part === undefined ? undefined : decodeURIComponent(part)));
  if (resource === 'sessions' && tokens && req.method === 'POST') {
    if (template === FAILING_TEMPLATE) return send(res, 404, notFound('template'));
    return send(res, 200, { object: 'token', jwt: `jwt-from-template-${template}-for-${id}` });
  }
  if (resource === 'sessions' && !tokens && req.method === 'GET') {
    if (id === MISSING_SESSION_ID) return send(res, 404, notFound('session'));
    return send(res, 200, { object: 'session', id, status: 'active' });
  }
  if (resource === 'users' && req.method === 'GET') {
    return send(res, 200, { object: 'user', id, private_metadata: { secret: 1 }, public_metadata: {} });
  }
  if (resource === 'organizations' && req.method === 'GET') {
    return send(res, 200, { object: 'organization', id, private_metadata: { secret: 2 } });
  }
  if (path === '/v1/internal/interstitial') return send(res, 200, '<p>private interstitial</p>', 'text/html');
  return send(res, 404, notFound(path));
}

export async function startBackendServer(): Promise<BackendServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => route(req, res));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
