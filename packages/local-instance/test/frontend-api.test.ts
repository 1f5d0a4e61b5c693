// The local Frontend API over real HTTPS (its self-signed certificate trusted as the CA) and the Backend API
// routes of the handshake, without a browser: redirects, cookie directives, nonces, refresh, fault switches.
import { request as httpsRequest } from 'node:https';
import { decodeJwt, hasValidSignature } from '@clerk/jwt-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cookieSuffixOf, type LocalInstance, startLocalInstance } from '../src/index';
import { callApi } from './support';

interface FapiResponse {
  status: number;
  location: string | null;
  setCookie: string[];
  cacheControl: string | undefined;
  body: string;
}

/** One request to the Frontend API, trusting only its own certificate; redirects are not followed. */
function fapi(
  instance: LocalInstance,
  path: string,
  options: { method?: string; cookie?: string; form?: Record<string, string> } = {},
): Promise<FapiResponse> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(
      `${instance.frontendApiUrl}${path}`,
      {
        method: options.method ?? 'GET',
        ca: instance.frontendApiCertificatePem!,
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      },
      response => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', chunk => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            location: response.headers.location ?? null,
            setCookie: response.headers['set-cookie'] ?? [],
            cacheControl: response.headers['cache-control'],
            body: text,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const handshakePath = (redirectUrl: string, extra: Record<string, string> = {}) =>
  `/v1/client/handshake?${new URLSearchParams({ redirect_url: redirectUrl, suffixed_cookies: 'false', format: 'nonce', ...extra })}`;

/** The `__client` cookie of a Frontend API answer, ready for the next request's Cookie header. */
const clientCookie = (response: FapiResponse): string => response.setCookie[0]!.split(';')[0]!;

/** The cookie directives a handshake hands over: from the handshake token or through the nonce. */
async function directivesOf(instance: LocalInstance, location: string): Promise<string[]> {
  const back = new URL(location);
  const token = back.searchParams.get('__clerk_handshake');
  if (token) return decodeJwt(token).payload.handshake as string[];
  const nonce = back.searchParams.get('__clerk_handshake_nonce');
  return (await callApi(instance, 'GET', `/v1/clients/handshake_payload?nonce=${nonce}`)).json.directives;
}

/** The value of the directive setting `name`. */
const directiveValue = (directives: string[], name: string): string | undefined =>
  directives
    .find(directive => directive.startsWith(`${name}=`))
    ?.slice(name.length + 1)
    .split(';')[0];

/** Signs in through the sign-in form and the handshake it redirects to; the resulting directives. */
async function signInThroughForm(
  instance: LocalInstance,
  identifier: string,
  password = '',
): Promise<string[]> {
  const form = { redirect_url: 'http://127.0.0.1:3000/', identifier, password };
  const signedIn = await fapi(instance, '/sign-in', { method: 'POST', form });
  expect(signedIn.status).toBe(303);
  const next = new URL(signedIn.location!, instance.frontendApiUrl!);
  expect(next.pathname).toBe('/v1/client/handshake');
  expect(next.searchParams.get('redirect_url')).toBe('http://127.0.0.1:3000/');
  const handshake = await fapi(instance, `${next.pathname}${next.search}`, {
    cookie: clientCookie(signedIn),
  });
  return directivesOf(instance, handshake.location!);
}

const decodedKey = (publishableKey: string): string => atob(publishableKey.split('_')[2]!);

describe('cookie suffix (reference 3.4)', () => {
  it('is the first 8 characters of URL-safe base64 of SHA-1 of the publishable key', () => {
    expect(cookieSuffixOf('pk_test_aGFwcHktaGlwcG8tMS5jbGVyay5hY2NvdW50cy5kZXYk')).toBe('MWTw9P_R');
    expect(cookieSuffixOf('pk_live_Y2xlcmsuZXhhbXBsZS5jb20k')).toBe('naoXFJnI');
  });
});

describe('options', () => {
  it('rejects serveFrontendApi together with frontendApi, and an unknown instance type', async () => {
    await expect(
      startLocalInstance({ serveFrontendApi: true, frontendApi: 'clerk.example.com' }),
    ).rejects.toThrow('serveFrontendApi and frontendApi exclude each other');
    await expect(startLocalInstance({ instanceType: 'staging' as 'production' })).rejects.toThrow(
      'instanceType must be development or production',
    );
    await expect(startLocalInstance({ frontendApiFaults: { flaky: true } as never })).rejects.toThrow(
      'Unknown Frontend API fault: flaky',
    );
  });

  it('listens on frontendApiPort, and rejects a port that is taken', async () => {
    const first = await startLocalInstance({ serveFrontendApi: true });
    try {
      const port = Number(new URL(first.frontendApiUrl!).port);
      await expect(startLocalInstance({ serveFrontendApi: true, frontendApiPort: port })).rejects.toThrow(
        /EADDRINUSE/,
      );
    } finally {
      await first.stop();
    }
  });

  it('keeps the offline defaults without serveFrontendApi', async () => {
    const instance = await startLocalInstance({ keySize: 1024 });
    try {
      expect(instance.frontendApiUrl).toBeNull();
      expect(instance.signInUrl).toBeNull();
      expect(instance.instanceType).toBe('development');
      expect(decodedKey(instance.publishableKey)).toMatch(/^local-[0-9a-z]{6}\.clerk\.accounts\.dev\$$/);
    } finally {
      await instance.stop();
    }
  });
});

describe.each(['development', 'production'] as const)('%s Frontend API', instanceType => {
  let instance: LocalInstance;
  const development = instanceType === 'development';

  beforeAll(async () => {
    instance = await startLocalInstance({ serveFrontendApi: true, instanceType });
  });

  afterEach(() => {
    instance.reset();
  });

  afterAll(async () => {
    await instance.stop();
  });

  it('has keys of its type whose decoded host is its own HTTPS listener, valid by section 7', () => {
    const prefix = development ? 'pk_test_' : 'pk_live_';
    expect(instance.publishableKey.startsWith(prefix)).toBe(true);
    expect(instance.secretKey.startsWith(development ? 'sk_test_' : 'sk_live_')).toBe(true);
    expect(instance.publishableKey.split('_')).toHaveLength(3);
    const decoded = decodedKey(instance.publishableKey);
    expect(decoded).toBe(`${new URL(instance.frontendApiUrl!).host}$`);
    expect(decoded).toMatch(/^127\.0\.0\.1:\d+\$$/);
    expect(instance.frontendApiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(instance.issuer).toBe(instance.frontendApiUrl);
    expect(instance.signInUrl).toBe(`${instance.frontendApiUrl}/sign-in`);
    expect(instance.cookieSuffix).toBe(cookieSuffixOf(instance.publishableKey));
  });

  it('answers 400 for a redirect_url that is missing, relative or not http(s)', async () => {
    for (const redirectUrl of ['', '/dashboard', 'javascript:alert(1)']) {
      const response = await fapi(instance, handshakePath(redirectUrl));
      expect(response.status).toBe(400);
      expect(response.location).toBeNull();
      expect(JSON.parse(response.body).errors[0].code).toBe('form_param_format_invalid');
    }
  });

  it('sends a new browser back with a signed-out client, keeping the redirect_url query', async () => {
    const response = await fapi(instance, handshakePath('http://127.0.0.1:3000/app?tab=1'));
    expect(response.status).toBe(307);
    expect(response.cacheControl).toBe('no-store');
    expect(response.setCookie[0]).toMatch(
      /^__client=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax; Max-Age=604800$/,
    );
    const back = new URL(response.location!);
    expect(`${back.origin}${back.pathname}`).toBe('http://127.0.0.1:3000/app');
    expect(back.searchParams.get('tab')).toBe('1');
    const s = instance.cookieSuffix;
    const signedOut = [
      '__session=; Path=/; SameSite=Lax; Max-Age=0',
      `__session_${s}=; Path=/; SameSite=Lax; Max-Age=0`,
      '__client_uat=0; Path=/; SameSite=Lax; Max-Age=31536000',
      `__client_uat_${s}=0; Path=/; SameSite=Lax; Max-Age=31536000`,
      `__refresh_${s}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
    ];
    if (development) {
      expect([...back.searchParams.keys()]).toEqual(['tab', '__clerk_db_jwt', '__clerk_handshake']);
      const devBrowser = back.searchParams.get('__clerk_db_jwt')!;
      expect(devBrowser).toMatch(/^dvb_[0-9A-Za-z]{27}$/);
      // The handshake token verifies with a key of the published JWKS.
      const token = back.searchParams.get('__clerk_handshake')!;
      const key = instance.jwks().keys.find(candidate => candidate.kid === decodeJwt(token).header.kid)!;
      expect(await hasValidSignature(decodeJwt(token), key)).toBe(true);
      expect(decodeJwt(token).payload.handshake).toEqual([
        ...signedOut,
        `__clerk_db_jwt=${devBrowser}; Path=/; SameSite=Lax; Max-Age=31536000`,
        `__clerk_db_jwt_${s}=${devBrowser}; Path=/; SameSite=Lax; Max-Age=31536000`,
      ]);
      // The same browser (dev browser in the query) keeps its dev browser.
      const again = await fapi(
        instance,
        handshakePath('http://127.0.0.1:3000/', { __clerk_db_jwt: devBrowser }),
      );
      expect(new URL(again.location!).searchParams.get('__clerk_db_jwt')).toBe(devBrowser);
    } else {
      expect([...back.searchParams.keys()]).toEqual(['tab', '__clerk_handshake_nonce']);
      const nonce = back.searchParams.get('__clerk_handshake_nonce')!;
      const payload = await callApi(instance, 'GET', `/v1/clients/handshake_payload?nonce=${nonce}`);
      expect(payload.status).toBe(200);
      expect(payload.json).toEqual({ directives: signedOut });
      // Redeemable again (the SDK leaves the nonce in a production page's URL).
      expect((await callApi(instance, 'GET', `/v1/clients/handshake_payload?nonce=${nonce}`)).status).toBe(
        200,
      );
    }
  });

  it('signs a user in through the form and mints session cookies on the handshake that follows', async () => {
    const user = instance.createUser({
      emailAddress: ['grace@example.com'],
      password: 'correct horse battery',
    });
    const page = await fapi(
      instance,
      `/sign-in?${new URLSearchParams({ redirect_url: 'http://127.0.0.1:3000/' })}`,
    );
    expect(page.status).toBe(200);
    expect(page.body).toContain('<form method="post" action="/sign-in">');
    expect(page.body).toContain('value="http://127.0.0.1:3000/"');
    const form = { redirect_url: 'http://127.0.0.1:3000/', identifier: 'Grace@Example.com' };
    const unknown = await fapi(instance, '/sign-in', {
      method: 'POST',
      form: { ...form, identifier: 'nobody@example.com', password: 'x' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toContain('No user with the email address &#34;nobody@example.com&#34;.');
    const wrong = await fapi(instance, '/sign-in', { method: 'POST', form: { ...form, password: 'wrong' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toContain('Password is incorrect.');

    const directives = await signInThroughForm(instance, 'grace@example.com', 'correct horse battery');
    const s = instance.cookieSuffix;
    const token = directiveValue(directives, `__session_${s}`)!;
    expect(decodeJwt(token).payload).toMatchObject({ sub: user.id, iss: instance.issuer });
    expect(directives).toContain(`__session=${token}; Path=/; SameSite=Lax`);
    expect(directives.find(directive => directive.startsWith(`__client_uat_${s}=`))).toMatch(
      new RegExp(`^__client_uat_${s}=\\d{10}; Path=/; SameSite=Lax; Max-Age=31536000$`),
    );
    expect(directives.find(directive => directive.startsWith(`__refresh_${s}=`))).toMatch(
      new RegExp(`^__refresh_${s}=[0-9A-Za-z]{40}; Path=/; HttpOnly; SameSite=Lax$`),
    );
    // `__refresh` exists only in the suffixed form.
    expect(directives.some(directive => directive.startsWith('__refresh='))).toBe(false);
  });

  it('rejects a handshake nonce that is missing or unknown, and callers without the secret key', async () => {
    expect((await callApi(instance, 'GET', '/v1/clients/handshake_payload')).json.errors[0].code).toBe(
      'form_param_missing',
    );
    const unknown = await callApi(instance, 'GET', '/v1/clients/handshake_payload?nonce=nope');
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors[0].code).toBe('resource_not_found');
    const anonymous = await callApi(
      instance,
      'GET',
      '/v1/clients/handshake_payload?nonce=nope',
      undefined,
      null,
    );
    expect(anonymous.status).toBe(401);
  });

  it('refreshes a session with its refresh token and expired token, and answers 401 otherwise', async () => {
    const user = instance.createUser({ emailAddress: ['refresh@example.com'] });
    const directives = await signInThroughForm(instance, 'refresh@example.com');
    const first = { sessionId: decodeJwt(directiveValue(directives, '__session')!).payload.sid as string };
    const other = instance.signIn({ userId: user.id });
    const expired = instance.mintSessionToken(first.sessionId, {
      issuedAt: Math.floor(Date.now() / 1000) - 3600,
    });
    const refreshToken = directiveValue(directives, `__refresh_${instance.cookieSuffix}`)!;
    const body = {
      format: 'cookie',
      expired_token: expired,
      refresh_token: refreshToken,
      request_origin: 'http://127.0.0.1:3000',
      request_headers: { accept: ['text/html'] },
    };
    const path = `/v1/sessions/${first.sessionId}/refresh?suffixed_cookies=true`;
    const cookies = await callApi(instance, 'POST', path, body);
    expect(cookies.status).toBe(200);
    expect(cookies.json.object).toBe('cookies');
    const [plain, suffixed] = cookies.json.cookies as string[];
    expect(plain).toMatch(/^__session=[^;]+; Path=\/; SameSite=Lax$/);
    expect(suffixed).toBe(`__session_${instance.cookieSuffix}=${plain!.slice('__session='.length)}`);
    const fresh = plain!.slice('__session='.length).split(';')[0]!;
    expect(decodeJwt(fresh).payload.sid).toBe(first.sessionId);
    expect(decodeJwt(fresh).payload.exp).toBeGreaterThan(Date.now() / 1000);

    const token = await callApi(instance, 'POST', path, { ...body, format: 'token' });
    expect(token.json).toMatchObject({ object: 'token', jwt: expect.stringMatching(/^ey/) });

    const codeOf = async (override: Record<string, unknown>, sessionId = first.sessionId) => {
      const response = await callApi(instance, 'POST', `/v1/sessions/${sessionId}/refresh`, {
        ...body,
        ...override,
      });
      return [response.status, response.json.errors[0].code];
    };
    expect(await codeOf({ refresh_token: 'nope' })).toEqual([401, 'refresh_token_invalid']);
    expect(await codeOf({ expired_token: other.token })).toEqual([401, 'expired_token_invalid']);
    expect(await codeOf({ expired_token: 'not-a-jwt' })).toEqual([401, 'expired_token_invalid']);
    expect(await codeOf({ refresh_token: undefined })).toEqual([422, 'form_param_missing']);
    expect(await codeOf({ format: 'html' })).toEqual([422, 'form_param_format_invalid']);
    expect(await codeOf({ unknown: 1 })).toEqual([422, 'form_param_unknown']);
    expect(await codeOf({}, 'sess_missing')).toEqual([404, 'resource_not_found']);
    await callApi(instance, 'POST', `/v1/sessions/${first.sessionId}/revoke`);
    expect(await codeOf({})).toEqual([401, 'session_not_active']);
  });

  it('switches its faults through options, the instance and the HTTP control call', async () => {
    expect((await callApi(instance, 'GET', '/v1/local/frontend_api/faults')).json).toEqual({
      object: 'frontend_api_faults',
      wrong_signing_key: false,
      no_cookies: false,
      loop: false,
    });
    const switched = await callApi(instance, 'POST', '/v1/local/frontend_api/faults', {
      loop: true,
      no_cookies: true,
    });
    expect(switched.json).toMatchObject({ wrong_signing_key: false, no_cookies: true, loop: true });
    expect(instance.frontendApiFaults.current).toEqual({
      wrongSigningKey: false,
      noCookies: true,
      loop: true,
    });
    const invalid = await callApi(instance, 'POST', '/v1/local/frontend_api/faults', { loop: 'yes' });
    expect(invalid.json.errors[0]).toMatchObject({
      code: 'form_param_format_invalid',
      meta: { param_name: 'loop' },
    });
    expect((await callApi(instance, 'POST', '/v1/local/frontend_api/faults', { slow: true })).status).toBe(
      422,
    );
    expect(
      (
        await callApi(
          instance,
          'POST',
          '/v1/local/frontend_api/faults',
          { loop: false },
          'Bearer sk_test_wrong',
        )
      ).status,
    ).toBe(401);
    instance.reset();
    expect(instance.frontendApiFaults.current).toEqual({
      wrongSigningKey: false,
      noCookies: false,
      loop: false,
    });
  });

  it('loops straight back, sends no cookies, or signs with an unpublished key when told to', async () => {
    instance.frontendApiFaults.set({ loop: true });
    const looped = await fapi(instance, handshakePath('http://127.0.0.1:3000/x?y=1'));
    expect([looped.status, looped.location, looped.setCookie]).toEqual([
      307,
      'http://127.0.0.1:3000/x?y=1',
      [],
    ]);

    instance.frontendApiFaults.set({ loop: false, noCookies: true, wrongSigningKey: true });
    const back = new URL((await fapi(instance, handshakePath('http://127.0.0.1:3000/'))).location!);
    if (development) {
      const token = back.searchParams.get('__clerk_handshake')!;
      expect(decodeJwt(token).payload.handshake).toEqual([]);
      const { kid } = decodeJwt(token).header;
      expect(instance.jwks().keys.map(key => key.kid)).not.toContain(kid);
    } else {
      const nonce = back.searchParams.get('__clerk_handshake_nonce');
      expect((await callApi(instance, 'GET', `/v1/clients/handshake_payload?nonce=${nonce}`)).json).toEqual({
        directives: [],
      });
    }
  });

  it('serves its JWKS and answers 404 elsewhere', async () => {
    const jwks = await fapi(instance, '/.well-known/jwks.json');
    expect(JSON.parse(jwks.body)).toEqual(instance.jwks());
    const missing = await fapi(instance, '/v1/client');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).errors[0].code).toBe('resource_not_found');
  });
});
