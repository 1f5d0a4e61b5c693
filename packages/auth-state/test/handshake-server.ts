// A Backend API stand-in on 127.0.0.1 for the current form: the JWKS, `GET /v1/clients/handshake_payload`
// and `POST /v1/sessions/{sid}/refresh`. Answers are configured per test; every request is recorded.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { instanceKey } from './keys';

export interface RecordedCall {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface RefreshAnswer {
  status: number;
  body: unknown;
}

export interface HandshakeServer {
  url: string;
  calls: RecordedCall[];
  /** Directives returned for a nonce; an unknown nonce answers 404. */
  nonces: Map<string, string[]>;
  /** The answer of the refresh endpoint; a 500 until a test sets one. */
  refresh: RefreshAnswer;
  close(): Promise<void>;
}

export async function startHandshakeServer(): Promise<HandshakeServer> {
  const calls: RecordedCall[] = [];
  const state = {
    nonces: new Map<string, string[]>(),
    refresh: {
      status: 500,
      body: { errors: [{ code: 'not_configured', message: 'set refresh' }] },
    } as RefreshAnswer,
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      calls.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      };
      if (!req.headers.authorization?.startsWith('Bearer sk_')) {
        return send(401, { errors: [{ code: 'authorization_invalid', message: 'bad key' }] });
      }
      if (url.pathname === '/v1/jwks') return send(200, { keys: [instanceKey.publicJwk] });
      if (url.pathname === '/v1/clients/handshake_payload' && req.method === 'GET') {
        const directives = state.nonces.get(url.searchParams.get('nonce') ?? '');
        return directives
          ? send(200, { directives })
          : send(404, { errors: [{ code: 'resource_not_found', message: 'nonce not found' }] });
      }
      if (/^\/v1\/sessions\/[^/]+\/refresh$/.test(url.pathname) && req.method === 'POST') {
        return send(state.refresh.status, state.refresh.body);
      }
      return send(404, { errors: [{ code: 'resource_not_found', message: url.pathname }] });
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    get nonces() {
      return state.nonces;
    },
    get refresh() {
      return state.refresh;
    },
    set refresh(answer: RefreshAnswer) {
      state.refresh = answer;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
