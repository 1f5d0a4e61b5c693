import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApiError, badRequest, notFound } from './api/api-error';
import type { Body } from './api/params';
import type { InstanceContext, Router } from './api/router';
import type { FaultSwitches } from './faults';
import { newTraceId } from './lib/ids';

/** One request as the instance saw it, for tests that assert how often a client called. */
export interface RecordedRequest {
  /** The HTTP method. */
  method: string;
  /** The path, without the query string. */
  path: string;
  /** The status the instance answered with. */
  status: number;
}

const maxBodyBytes = 10 * 1024 * 1024;
const requestLogLimit = 1000;

/** Appends to the request log, keeping the last 1000. */
export function recordRequest(requests: RecordedRequest[], entry: RecordedRequest): void {
  requests.push(entry);
  if (requests.length > requestLogLimit) requests.splice(0, requests.length - requestLogLimit);
}

// The message repeats the long message: SDKs surface `message` (e.g. as the secret-key-invalid reason text).
const unauthorized = (code: string, long: string): ApiError =>
  new ApiError(401, [{ code, message: long, long_message: long }]);

const jwksUnavailable = (): ApiError =>
  new ApiError(503, [
    {
      code: 'service_unavailable',
      message: 'JWKS unavailable',
      long_message: 'The JWKS is down (fault switch).',
    },
  ]);

function send(
  response: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  // Exactly `application/json`: 0.x clients parse only that media type.
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(payload));
}

function sendError(response: ServerResponse, error: ApiError): void {
  send(
    response,
    error.status,
    { errors: error.errors, meta: {}, clerk_trace_id: newTraceId() },
    error.headers,
  );
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes)
      throw new ApiError(413, [
        {
          code: 'request_body_too_large',
          message: 'too large',
          long_message: 'The request body exceeds 10 MB.',
        },
      ]);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function parseBody(
  request: IncomingMessage,
  raw: Buffer,
): Promise<{ body: Body; form: FormData | null }> {
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    try {
      const form = await new Response(new Uint8Array(raw), {
        headers: { 'content-type': contentType },
      }).formData();
      return { body: {}, form };
    } catch {
      throw badRequest('request_body_invalid', 'The multipart body could not be parsed.');
    }
  }
  if (raw.length === 0) return { body: {}, form: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest('request_body_invalid', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw badRequest('request_body_invalid', 'The request body must be a JSON object.');
  return { body: parsed as Body, form: null };
}

const placeholderImage = (id: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#6c47ff"/><text x="32" y="40" font-size="20" text-anchor="middle" fill="#fff">${id.slice(0, 1).toUpperCase()}</text></svg>`;

export interface InstanceServer {
  server: Server;
  port: number;
  requests: RecordedRequest[];
}

/**
 * Leaves closing idle keep-alive connections to the clients: the server never closes one on its own. Node's
 * default closes a connection idle for 5 s (announced as `Keep-Alive: timeout=5`) while clients close theirs a
 * little earlier on their own timers; when those timers run late (the event loop of the process blocked, e.g.
 * by a synchronous key generation under load), a client can send a request on a connection the server is
 * closing at that moment, which fails with `ECONNRESET`. Without the announced timeout clients use their own
 * (undici: 4 s); `stop()` closes whatever is left.
 */
export function leaveIdleConnectionsToClients(server: { keepAliveTimeout: number }): void {
  server.keepAliveTimeout = 0;
}

/** The HTTP face of the instance: the Backend API under `/v1`, the frontend API's JWKS, and images. */
export async function startInstanceServer(
  ctx: () => InstanceContext,
  router: Router,
  faults: FaultSwitches,
  secretKey: string,
  port: number,
  machineRouter?: Router,
): Promise<InstanceServer> {
  const requests: RecordedRequest[] = [];

  async function respond(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    query: URLSearchParams,
  ) {
    const method = request.method ?? 'GET';
    const raw = await readBody(request);
    if (faults.latencyMs > 0) await new Promise(resolve => setTimeout(resolve, faults.latencyMs));
    const context = ctx();
    if (path === '/.well-known/jwks.json' && method === 'GET') {
      if (faults.jwksDown) throw jwksUnavailable();
      return send(response, 200, context.keys.jwks());
    }
    if (path.startsWith('/images/') && method === 'GET') {
      const id = path.slice('/images/'.length);
      const image = context.state.images.get(id);
      response.writeHead(200, { 'content-type': image?.contentType ?? 'image/svg+xml' });
      return response.end(image ? Buffer.from(image.bytes) : placeholderImage(id));
    }
    // Machine operations authenticate on their own (machine secret keys); some live outside /v1.
    const machineRoute = machineRouter?.match(method, path);
    if (machineRoute && machineRoute !== 'wrong-method') {
      const fault = faults.takeFor(path);
      if (fault) throw fault;
      const { body, form } = await parseBody(request, raw);
      const authorization = request.headers.authorization;
      const answer = await machineRoute.handler({
        params: machineRoute.params,
        query,
        body,
        form,
        ctx: context,
        authorization,
      });
      const { status, body: payload } = answer as { status: number; body: unknown };
      return send(response, status, payload);
    }
    if (!path.startsWith('/v1/')) throw notFound('path');
    const fault = faults.takeFor(path);
    if (fault) throw fault;
    const authorization = request.headers.authorization;
    if (!authorization)
      throw unauthorized(
        'authorization_header_missing',
        'The Authorization header is missing; send Bearer <secret key>.',
      );
    if (authorization !== `Bearer ${secretKey}`)
      throw unauthorized(
        'clerk_key_invalid',
        'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
      );
    if (path === '/v1/jwks' && method === 'GET') {
      if (faults.jwksDown) throw jwksUnavailable();
      return send(response, 200, context.keys.jwks());
    }
    const route = router.match(method, path);
    if (route === null) throw notFound('path');
    if (route === 'wrong-method')
      throw new ApiError(405, [
        {
          code: 'method_not_allowed',
          message: 'method not allowed',
          long_message: `${method} is not allowed on ${path}.`,
        },
      ]);
    const { body, form } = await parseBody(request, raw);
    const payload = await route.handler({ params: route.params, query, body, form, ctx: context });
    send(response, 200, payload);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.on('finish', () =>
      recordRequest(requests, {
        method: request.method ?? 'GET',
        path: url.pathname,
        status: response.statusCode,
      }),
    );
    respond(request, response, url.pathname, url.searchParams).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof ApiError) return sendError(response, error);
      sendError(
        response,
        new ApiError(500, [
          {
            code: 'internal_clerk_error',
            message: 'Oops, an unexpected error occurred',
            long_message: error instanceof Error ? error.message : String(error),
          },
        ]),
      );
    });
  });

  leaveIdleConnectionsToClients(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The local instance did not get a TCP port.');
  return { server, port: address.port, requests };
}
