// The root signedInAuthObject as 0.38.15's (auth-and-tokens.md 8.1): getToken({ template }) calls the Backend
// API itself, against a real server on 127.0.0.1, through the built umbrella.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAuthObject } from '../dist/index.js';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const seen: Seen[] = [];
let server: Server;
let apiUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      const match = req.url?.match(/^\/v9\/sessions\/([^/]+)\/tokens\/([^/]+)$/);
      res.setHeader('content-type', 'application/json');
      if (req.headers.authorization !== 'Bearer sk_test_template') {
        res.statusCode = 401;
        return res.end(JSON.stringify({ errors: [{ code: 'authentication_invalid', message: 'bad key' }] }));
      }
      if (req.method !== 'POST' || !match) {
        res.statusCode = 404;
        return res.end(JSON.stringify({ errors: [{ code: 'resource_not_found', message: 'not found' }] }));
      }
      res.end(JSON.stringify({ object: 'token', jwt: `jwt.${match[2]}.${match[1]}` }));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

const claims = { sub: 'user_1', sid: 'sess_1', iss: 'https://clerk.example.test', exp: 2, iat: 1, nbf: 0 };

describe('signedInAuthObject(claims, { secretKey, apiUrl, apiVersion, token })', () => {
  it('getToken({ template }) POSTs to {apiUrl}/{apiVersion}/sessions/{sid}/tokens/{template} and resolves to the jwt', async () => {
    const auth = signedInAuthObject(claims, {
      secretKey: 'sk_test_template',
      apiUrl,
      apiVersion: 'v9',
      token: 'raw.session.token',
    });
    seen.length = 0;
    expect(await auth.getToken({ template: 'supabase' })).toBe('jwt.supabase.sess_1');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v9/sessions/sess_1/tokens/supabase', body: '' });
    expect(seen[0]!.headers).toMatchObject({
      authorization: 'Bearer sk_test_template',
      'content-type': 'application/json',
      'user-agent': expect.stringMatching(/^@clerk\/backend@/),
    });
  });

  it('getToken() without a template is the raw token, with no request; a falsy sid resolves to null', async () => {
    seen.length = 0;
    const auth = signedInAuthObject(claims, {
      secretKey: 'sk_test_template',
      apiUrl,
      apiVersion: 'v9',
      token: 'raw',
    });
    expect(await auth.getToken()).toBe('raw');
    const noSession = signedInAuthObject(
      { ...claims, sid: '' },
      { secretKey: 'sk_test_template', apiUrl, token: 'raw' },
    );
    expect(await noSession.getToken({ template: 'x' })).toBeNull();
    expect(seen).toHaveLength(0);
  });

  it('a missing secret key rejects with the 0.x message only when getToken({ template }) is called', async () => {
    const auth = signedInAuthObject(claims, { apiUrl, apiVersion: 'v9', token: 'raw' });
    expect(auth.userId).toBe('user_1');
    await expect(auth.getToken({ template: 'x' })).rejects.toThrow(
      'Missing Clerk Secret Key or API Key. Go to https://dashboard.clerk.com and get your key for your instance.',
    );
  });

  it('an API error rejects', async () => {
    const auth = signedInAuthObject(claims, {
      secretKey: 'sk_test_wrong',
      apiUrl,
      apiVersion: 'v9',
      token: 'raw',
    });
    await expect(auth.getToken({ template: 'x' })).rejects.toThrow(/bad key/);
  });

  it('an injected apiClient is used instead, and debug() never shows a client', async () => {
    const calls: string[] = [];
    const apiClient = {
      sessions: {
        getSession: async () => ({ data: null, errors: [{ code: 'unused', message: 'unused' }] }),
        getToken: async (sessionId: string, template?: string) => {
          calls.push(`${sessionId}/${template}`);
          return { data: 'injected', errors: null };
        },
      },
      users: { getUser: async () => ({ data: null, errors: [{ code: 'unused', message: 'unused' }] }) },
      organizations: {
        getOrganization: async () => ({ data: null, errors: [{ code: 'unused', message: 'unused' }] }),
      },
    } as const;
    const auth = signedInAuthObject(claims, { secretKey: 'sk_test_template', token: 'raw', apiClient });
    expect(await auth.getToken({ template: 't' })).toBe('injected');
    expect(calls).toEqual(['sess_1/t']);
    const auto = signedInAuthObject(claims, { secretKey: 'sk_test_template', apiUrl, token: 'raw' });
    expect(Object.keys(auto.debug())).toEqual(['secretKey', 'apiUrl', 'token', 'apiKey', 'jwtKey']);
  });
});
