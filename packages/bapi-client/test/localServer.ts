import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
