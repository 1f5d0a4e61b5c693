// @clerk/backend/node: toWebRequest from real node:http, Express and Fastify servers on 127.0.0.1, then
// authenticateRequest on the result; and the root entry never pulls the Node entry or a node: module.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clerk, signJwt } from '../dist/index.js';
import { toWebRequest } from '../dist/node.js';
import { bundle } from './bundle';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const clerk = Clerk({
  secretKey: 'sk_test_node',
  jwtKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  env: {},
});
let token: string;

beforeAll(async () => {
  const now = Math.floor(Date.now() / 1000);
  token = await signJwt(
    { sub: 'user_node', sid: 'sess_node', iss: 'https://clerk.node.test', nbf: now - 10, exp: now + 600 },
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    { algorithm: 'RS256', header: { typ: 'JWT', kid: 'ins_node' } },
  );
});

/** What a handler saw, as plain data. */
async function describeRequest(request: Request) {
  return {
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: request.body ? await request.text() : null,
    userId: (await clerk.authenticateRequest({ request })).toAuth()?.userId ?? null,
  };
}

/** Sends raw HTTP/1.1 bytes, so that repeated headers reach the server as sent; resolves to the response body. */
function rawRequest(port: number, head: string, body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    let response = '';
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`${head}\r\nConnection: close\r\n\r\n${body}`),
    );
    socket.on('data', chunk => (response += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(response.slice(response.indexOf('\r\n\r\n') + 4)));
  });
}

const listen = (server: Server) =>
  new Promise<number>(resolve =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

describe('toWebRequest with node:http', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      const request = toWebRequest(req, req.method === 'POST' ? { body } : {});
      res.end(JSON.stringify(await describeRequest(request)));
    });
    port = await listen(server);
  });
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

  it('keeps the method, builds the URL from Host and X-Forwarded-Proto, and keeps every header', async () => {
    const seen = JSON.parse(
      await rawRequest(
        port,
        [
          'GET /app/page?x=1 HTTP/1.1',
          'Host: app.node.test:8080',
          'X-Forwarded-Proto: https, http',
          'X-Multi: one',
          'X-Multi: two',
          'Cookie: a=1',
          'Cookie: b=2',
          `Authorization: Bearer ${token}`,
        ].join('\r\n'),
      ),
    );
    expect(seen).toMatchObject({ method: 'GET', url: 'https://app.node.test:8080/app/page?x=1', body: null });
    expect(seen.headers).toMatchObject({
      host: 'app.node.test:8080',
      'x-multi': 'one, two',
      cookie: 'a=1; b=2',
    });
    expect(seen.userId).toBe('user_node');
  });

  it('is http without X-Forwarded-Proto (and ignores a value that is no protocol), localhost without Host', async () => {
    const plain = JSON.parse(
      await rawRequest(port, 'GET / HTTP/1.1\r\nHost: a.test\r\nX-Forwarded-Proto: javascript'),
    );
    expect(plain.url).toBe('http://a.test/');
    const noHost = JSON.parse(await rawRequest(port, 'GET /p HTTP/1.0'));
    expect(noHost.url).toBe('http://localhost/p');
  });

  it('carries the body only when given', async () => {
    const seen = JSON.parse(
      await rawRequest(
        port,
        'POST /form HTTP/1.1\r\nHost: a.test\r\nContent-Length: 7\r\nContent-Type: text/plain',
        'a=1&b=2',
      ),
    );
    expect(seen).toMatchObject({ method: 'POST', body: 'a=1&b=2', headers: { 'content-length': '7' } });
  });

  it('throws a TypeError naming the Host header when it does not form a URL', () => {
    const req = { method: 'GET', url: '/', headers: { host: 'a b' }, rawHeaders: ['Host', 'a b'] };
    expect(() => toWebRequest(req as unknown as IncomingMessage)).toThrow(TypeError);
    expect(() => toWebRequest(req as unknown as IncomingMessage)).toThrow(/Host header "a b"/);
  });

  it('authenticateRequest given the Node request itself rejects and names toWebRequest', async () => {
    const req = { method: 'GET', url: '/', headers: { host: 'a.test' }, rawHeaders: [] };
    await expect(clerk.authenticateRequest({ request: req as unknown as Request })).rejects.toThrow(
      "toWebRequest(req) from '@clerk/backend/node'",
    );
  });
});

describe('toWebRequest with Express', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    const app = express();
    const router = express.Router();
    router.post('/echo', express.text(), async (req, res) => {
      res.json(await describeRequest(toWebRequest(req, { body: req.body })));
    });
    router.get('/me', async (req, res) => res.json(await describeRequest(toWebRequest(req))));
    app.use('/api', router);
    server = createServer(app);
    port = await listen(server);
  });
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

  it('keeps the mount path of a router (originalUrl) and signs in with a Bearer token', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/me?q=1`, {
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-proto': 'https' },
    });
    const seen = await response.json();
    expect(seen).toMatchObject({
      method: 'GET',
      url: `https://127.0.0.1:${port}/api/me?q=1`,
      userId: 'user_node',
    });
  });

  it('passes the body express.text() read', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(await response.json()).toMatchObject({ method: 'POST', body: 'hello', userId: null });
  });
});

describe('toWebRequest with Fastify', () => {
  const app = Fastify();
  let port: number;
  beforeAll(async () => {
    app.get('/me', async request => describeRequest(toWebRequest(request.raw)));
    app.post('/echo', async request =>
      describeRequest(toWebRequest(request.raw, { body: JSON.stringify(request.body) })),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  it('builds the Request from request.raw and signs in with a Bearer token', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await response.json()).toMatchObject({ url: `http://127.0.0.1:${port}/me`, userId: 'user_node' });
  });

  it('passes the body Fastify parsed, when given', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 1 }),
    });
    expect(await response.json()).toMatchObject({ method: 'POST', body: '{"a":1}' });
  });
});

describe('the root entry stays free of Node', () => {
  it('a bundle of every root export pulls no node: module and no code of the Node entry', async () => {
    const root = await bundle("export * from '../dist/index.js';");
    expect(root.imports.filter(path => path.startsWith('node:'))).toEqual([]);
    expect(Object.keys(root.inputs).some(path => path.includes('node.js'))).toBe(false);
    // The check can fail: a module importing node:http is reported.
    const node = await bundle("import 'node:http'; export * from '../dist/node.js';");
    expect(node.imports).toContain('node:http');
  });
});
