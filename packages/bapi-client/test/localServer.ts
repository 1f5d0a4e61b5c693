import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export interface CapturedRequest {
  method: string;
  path: string;
  /** Query pairs in wire order. */
  query: Array<[string, string]>;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type Handler = (request: CapturedRequest, response: ServerResponse) => void;

export interface LocalServer {
  url: string;
  requests: CapturedRequest[];
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

export const answerJson =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

/** A node:http server on 127.0.0.1 that records every request and answers with the current handler. */
export async function startLocalServer(handler: Handler = answerJson(200, {})): Promise<LocalServer> {
  let current = handler;
  const requests: CapturedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const captured: CapturedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: [...url.searchParams.entries()],
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(captured);
      current(captured, res);
    });
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setHandler(next) {
      current = next;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise(resolve => server.close(() => resolve()));
    },
  };
}

/** The fields of a multipart body as fetch's own parser reads them. */
export async function readMultipart(request: CapturedRequest): Promise<FormData> {
  return new Response(new Uint8Array(request.body), {
    headers: { 'content-type': String(request.headers['content-type']) },
  }).formData();
}

/** A port nothing listens on: bound by the OS, then released (for a refused connection, or a child server). */
export async function unusedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise(resolve => probe.close(resolve));
  return port;
}

/** One local server for a test file: started before its tests, emptied before each, closed after. */
export function useLocalServer(): { readonly current: LocalServer } {
  const holder = {} as { current: LocalServer };
  beforeAll(async () => {
    holder.current = await startLocalServer();
  });
  afterAll(() => holder.current.close());
  beforeEach(() => {
    holder.current.requests.length = 0;
    holder.current.setHandler(answerJson(200, {}));
  });
  return holder;
}
