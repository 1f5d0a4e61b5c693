// A real JWKS server on 127.0.0.1 for the tests: serves keys, rotates them, fails in scripted ways, counts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | { kind: 'jwks' }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'drop' }
  | { kind: 'slow'; ms: number }
  | { kind: 'body'; body: string };

export interface RecordedRequest {
  path: string;
  method: string;
  authorization: string | undefined;
  contentType: string | undefined;
  /** The `Clerk-API-Version` header, when sent. */
  clerkApiVersion?: string | undefined;
}

export interface JwksServer {
  url: string;
  requests: RecordedRequest[];
  /** Keys served by `jwks`, per secret key (`Bearer …`) or `*` for requests without one. */
  setKeys(keys: JsonWebKey[], secretKey?: string): void;
  /** One-shot behaviours used by the next requests in order, before `fallback`. */
  queue(...behaviours: Behaviour[]): void;
  fallback: Behaviour;
  close(): Promise<void>;
}

export async function startJwksServer(): Promise<JwksServer> {
  const keysBySecret = new Map<string, JsonWebKey[]>();
  const pending: Behaviour[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const requests: RecordedRequest[] = [];

  const serveKeys = (req: IncomingMessage, res: ServerResponse) => {
    const secret = req.headers.authorization?.replace(/^Bearer /, '') ?? '*';
    const keys = keysBySecret.get(secret);
    if (!keys) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'clerk_key_invalid', message: 'Secret key is invalid.' }] }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys }));
  };

  const server = createServer((req, res) => {
    requests.push({
      path: req.url ?? '',
      method: req.method ?? '',
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      clerkApiVersion: req.headers['clerk-api-version'] as string | undefined,
    });
    const behaviour = pending.shift() ?? api.fallback;
    switch (behaviour.kind) {
      case 'jwks':
        return serveKeys(req, res);
      case 'status':
        res.writeHead(behaviour.status, { 'content-type': 'application/json' });
        return res.end(behaviour.body ?? '');
      case 'drop':
        return req.socket.destroy();
      case 'body':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(behaviour.body);
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          serveKeys(req, res);
        }, behaviour.ms);
        timers.add(timer);
      }
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const api: JwksServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    fallback: { kind: 'jwks' },
    setKeys(keys, secretKey = '*') {
      keysBySecret.set(secretKey, keys);
    },
    queue(...behaviours) {
      pending.push(...behaviours);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise(resolve => server.close(() => resolve()));
    },
  };
  return api;
}
