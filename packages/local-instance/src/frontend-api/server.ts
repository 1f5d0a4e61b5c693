import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { InstanceContext } from '../api/router';
import { newId } from '../lib/ids';
import { passwordMatches } from '../lib/passwords';
import { createSession } from '../resources/sessions';
import { leaveIdleConnectionsToClients, type RecordedRequest, recordRequest } from '../server';
import type { ClientRecord } from '../state';
import { clientDirectives } from './directives';
import { signInPage } from './sign-in-page';
import { selfSignedCertificate } from './tls-certificate';

/** The Frontend API's HTTPS listener. */
export interface FrontendApiServer {
  server: Server;
  port: number;
  /** PEM of its self-signed certificate (pass as `ca` to trust it from Node). */
  certificatePem: string;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

const maxFormBytes = 64 * 1024;
const clientCookie = '__client';

const json = (status: number, payload: unknown): Reply => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(payload),
});

const errorReply = (status: number, code: string, message: string): Reply =>
  json(status, { errors: [{ code, message, long_message: message }] });

const html = (status: number, body: string): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body,
});

const invalidRedirectUrl = errorReply(
  400,
  'form_param_format_invalid',
  'redirect_url must be an absolute http(s) URL.',
);

/** An absolute http(s) URL to send the browser back to, else null (no other schemes, no relative paths). */
function returnUrl(raw: string | null): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 1) continue;
    const name = pair.slice(0, at).trim();
    if (!cookies.has(name)) cookies.set(name, pair.slice(at + 1).trim());
  }
  return cookies;
}

/**
 * The browser's client: in development the client of a known dev browser in the query comes first; then the
 * client of the Frontend API's own `__client` cookie; else a new client without sessions.
 */
function browserClient(
  ctx: InstanceContext,
  cookies: Map<string, string>,
  devBrowser: string | null,
): ClientRecord {
  const fromDevBrowser =
    ctx.frontendApiState.instanceType === 'development' && devBrowser
      ? ctx.frontendApiState.devBrowsers.get(devBrowser)
      : undefined;
  const fromCookie = ctx.frontendApiState.browserClients.get(cookies.get(clientCookie) ?? '');
  const known = ctx.state.clients.get(fromDevBrowser ?? fromCookie ?? '');
  if (known) return known;
  const now = Date.now();
  const client: ClientRecord = {
    id: newId('client'),
    sessionIds: [],
    lastActiveSessionId: null,
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.clients.set(client.id, client);
  return client;
}

const clientCookieHeader = (ctx: InstanceContext, client: ClientRecord): string =>
  `${clientCookie}=${ctx.frontendApiState.clientCookieFor(client.id)}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=604800`;

/**
 * `GET /v1/client/handshake`: mints the client's cookie directives and sends the browser back to
 * `redirect_url`; development with `__clerk_db_jwt` and a `__clerk_handshake` token signed by the instance
 * key, production with a `__clerk_handshake_nonce` the Backend API redeems. Both travel in the query.
 */
function handshake(ctx: InstanceContext, query: URLSearchParams, cookies: Map<string, string>): Reply {
  const target = returnUrl(query.get('redirect_url'));
  if (!target) return invalidRedirectUrl;
  const fapi = ctx.frontendApiState;
  const headers: Record<string, string | string[]> = { 'cache-control': 'no-store' };
  if (fapi.faults.current.loop)
    return { status: 307, headers: { ...headers, location: target.href }, body: '' };
  const client = browserClient(ctx, cookies, query.get('__clerk_db_jwt'));
  if (fapi.instanceType === 'development') {
    const devBrowser = fapi.devBrowserFor(client.id, query.get('__clerk_db_jwt'));
    const handshake = clientDirectives(ctx, client, devBrowser);
    const keys = fapi.faults.current.wrongSigningKey ? fapi.foreignKeys : ctx.keys;
    target.searchParams.set('__clerk_db_jwt', devBrowser);
    target.searchParams.set(
      '__clerk_handshake',
      keys.sign({ handshake, iat: Math.floor(Date.now() / 1000) }),
    );
  } else {
    target.searchParams.set('__clerk_handshake_nonce', fapi.issueNonce(clientDirectives(ctx, client, null)));
  }
  headers.location = target.href;
  headers['set-cookie'] = clientCookieHeader(ctx, client);
  return { status: 307, headers, body: '' };
}

/** `POST /sign-in`: signs the user in on the browser's client, then runs a handshake back to `redirect_url`. */
function signIn(ctx: InstanceContext, form: URLSearchParams, cookies: Map<string, string>): Reply {
  const target = returnUrl(form.get('redirect_url'));
  if (!target) return invalidRedirectUrl;
  const identifier = (form.get('identifier') ?? '').trim().toLowerCase();
  const email = [...ctx.state.identifications.values()].find(
    record => record.kind === 'email_address' && record.value.toLowerCase() === identifier,
  );
  const user = email ? ctx.state.users.get(email.userId) : undefined;
  if (!user) return html(422, signInPage(target.href, `No user with the email address "${identifier}".`));
  if (user.passwordHash && !passwordMatches(form.get('password') ?? '', user.passwordHash))
    return html(422, signInPage(target.href, 'Password is incorrect.'));
  const client = browserClient(ctx, cookies, null);
  createSession(ctx, { userId: user.id, clientId: client.id });
  const next = new URLSearchParams({
    redirect_url: target.href,
    suffixed_cookies: 'true',
    __clerk_hs_reason: 'sign-in',
    format: 'nonce',
  });
  return {
    status: 303,
    headers: { location: `/v1/client/handshake?${next}`, 'set-cookie': clientCookieHeader(ctx, client) },
    body: '',
  };
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxFormBytes) return null;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function route(ctx: InstanceContext, request: IncomingMessage, url: URL): Promise<Reply> {
  const method = request.method ?? 'GET';
  const cookies = parseCookies(request.headers.cookie);
  if (url.pathname === '/v1/client/handshake' && method === 'GET')
    return handshake(ctx, url.searchParams, cookies);
  if (url.pathname === '/sign-in' && method === 'GET') {
    const target = returnUrl(url.searchParams.get('redirect_url'));
    if (!target) return invalidRedirectUrl;
    return html(200, signInPage(target.href));
  }
  if (url.pathname === '/sign-in' && method === 'POST') {
    const form = await readForm(request);
    if (!form) return errorReply(413, 'request_body_too_large', 'The form exceeds 64 KB.');
    return signIn(ctx, form, cookies);
  }
  if (url.pathname === '/.well-known/jwks.json' && method === 'GET') return json(200, ctx.keys.jwks());
  return errorReply(404, 'resource_not_found', `${method} ${url.pathname} is not a Frontend API route here.`);
}

/** Starts the Frontend API on 127.0.0.1 over HTTPS with a fresh self-signed certificate. */
export async function startFrontendApiServer(
  ctx: () => InstanceContext,
  requests: RecordedRequest[],
  port: number,
): Promise<FrontendApiServer> {
  const credentials = selfSignedCertificate();
  const server = createServer(credentials, (request, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    response.on('finish', () =>
      recordRequest(requests, {
        method: request.method ?? 'GET',
        path: url.pathname,
        status: response.statusCode,
      }),
    );
    route(ctx(), request, url).then(
      reply => {
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body);
      },
      (error: unknown) => {
        const reply = errorReply(
          500,
          'internal_clerk_error',
          error instanceof Error ? error.message : String(error),
        );
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body);
      },
    );
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
    throw new Error('The local Frontend API did not get a TCP port.');
  return { server, port: address.port, certificatePem: credentials.cert };
}
