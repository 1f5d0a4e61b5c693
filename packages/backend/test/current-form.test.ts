// Clerk() and createClerkClient() with both call forms of authenticateRequest: each form is typed by its own
// overload and answers with its own states; the 0.x form is unchanged.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  Clerk,
  type CurrentRequestState,
  createClerkClient,
  type RequestState,
  redirectResponseFor,
} from '../src/index';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwtKey = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const publishableKey = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k';

function sign(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'ins_1' })}.${encode(payload)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
}

const now = Math.floor(Date.now() / 1000);
const token = sign({
  sub: 'user_1',
  sid: 'sess_1',
  iss: 'https://clerk.example.com',
  iat: now,
  exp: now + 600,
});

describe('authenticateRequest on Clerk()', () => {
  const clerk = Clerk({ secretKey: 'sk_live_x', publishableKey, jwtKey, env: {} });

  it('the request first: the current form, signed in by header, with headers and isAuthenticated', async () => {
    const state = await clerk.authenticateRequest(
      new Request('https://app.example.com/', { headers: { authorization: `Bearer ${token}` } }),
    );
    expectTypeOf(state).toEqualTypeOf<CurrentRequestState<'session_token'>>();
    expect(state.status).toBe('signed-in');
    expect(state.isAuthenticated).toBe(true);
    expect(state.tokenType).toBe('session_token');
    expect(state.toAuth()).toMatchObject({ userId: 'user_1', sessionId: 'sess_1' });
  });

  it('a browser without cookies whose client says signed in: a handshake the helper turns into a 307', async () => {
    const state = await createClerkClient({
      secretKey: 'sk_live_x',
      publishableKey,
      jwtKey,
      env: {},
    }).authenticateRequest(
      new Request('https://app.example.com/page', {
        headers: { 'sec-fetch-dest': 'document', cookie: `__client_uat=${now}` },
      }),
    );
    expect(state.status).toBe('handshake');
    const response = redirectResponseFor(state);
    expect(response?.status).toBe(307);
    expect(new URL(response?.headers.get('location') as string).origin).toBe('https://clerk.example.com');
  });

  it('an options object: the 0.x form and its states, as before', async () => {
    const state = await clerk.authenticateRequest({ headerToken: token });
    expectTypeOf(state).toEqualTypeOf<RequestState>();
    expect(state.status).toBe('signed-in');
    expect('isInterstitial' in state).toBe(true);
    expect('headers' in state).toBe(false);
  });
});

describe('the current form on Clerk() talks to the current Backend API', () => {
  const apiUrlOf = (state: CurrentRequestState) =>
    (state.toAuth() as { debug(): Record<string, unknown> }).debug().apiUrl;
  const noToken = () =>
    new Request('https://app.example.com/api', { headers: { authorization: 'Bearer ak_x' } });

  it('https://api.clerk.com unless an API URL is given or in CLERK_API_URL', async () => {
    for (const factory of [Clerk, createClerkClient]) {
      const plain = factory({ secretKey: 'sk_live_x', publishableKey, env: {} });
      expect(apiUrlOf(await plain.authenticateRequest(noToken()))).toBe('https://api.clerk.com');
      const given = factory({
        secretKey: 'sk_live_x',
        publishableKey,
        apiUrl: 'http://127.0.0.1:1',
        env: {},
      });
      expect(apiUrlOf(await given.authenticateRequest(noToken()))).toBe('http://127.0.0.1:1');
      const fromEnv = factory({
        secretKey: 'sk_live_x',
        publishableKey,
        env: { CLERK_API_URL: 'http://127.0.0.1:2' },
      });
      expect(apiUrlOf(await fromEnv.authenticateRequest(noToken()))).toBe('http://127.0.0.1:2');
    }
  });
});
