// What the server and the network can do wrong, against real servers on 127.0.0.1: every case resolves to
// `{ data: null, errors }` with a stable code; only programmer errors found before any I/O reject.
import { describe, expect, it } from 'vitest';
import { createBackendApiClient, RequestErrorCode, type RetryOptions } from '../src/index';
import { answerJson, unusedPort, useLocalServer } from './localServer';

const local = useLocalServer();
const secretKey = 'sk_test_failures';

const client = (options: Parameters<typeof createBackendApiClient>[0] = {}) =>
  createBackendApiClient({ secretKey, apiUrl: local.current.url, ...options });

describe('Backend API error bodies', () => {
  it('maps ClerkErrors to errors with code, message, longMessage, meta and the trace id', async () => {
    local.current.setHandler(
      answerJson(
        422,
        {
          errors: [
            {
              message: 'is invalid',
              long_message: 'email_address must be a valid email address.',
              code: 'form_param_format_invalid',
              meta: { param_name: 'email_address', session_id: 'sess_1' },
            },
          ],
          clerk_trace_id: 'trace_abc',
        },
        { 'cf-ray': 'ray-123' },
      ),
    );
    const result = await client().users.createUser({ emailAddress: ['nope'] });
    expect(result).toEqual({
      data: null,
      status: 422,
      clerkTraceId: 'trace_abc',
      errors: [
        {
          code: 'form_param_format_invalid',
          message: 'is invalid',
          longMessage: 'email_address must be a valid email address.',
          meta: { paramName: 'email_address', sessionId: 'sess_1' },
        },
      ],
    });
  });

  it('takes the trace id from cf-ray when the body has none', async () => {
    local.current.setHandler(
      answerJson(
        404,
        { errors: [{ code: 'resource_not_found', message: 'not found' }] },
        { 'cf-ray': 'ray-456' },
      ),
    );
    const result = await client().users.getUser('user_missing');
    expect(result.status).toBe(404);
    expect(result.clerkTraceId).toBe('ray-456');
    // 0.x: `meta` is always an object (reference bapi-client.md section 3)
    expect(result.errors).toEqual([{ code: 'resource_not_found', message: 'not found', meta: {} }]);
  });

  it('turns a text/plain 500 into one unexpected_response error carrying the text', async () => {
    local.current.setHandler((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('boom');
    });
    const result = await client().users.getUser('user_1');
    expect(result.data).toBeNull();
    expect(result.status).toBe(500);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.code).toBe(RequestErrorCode.UnexpectedResponse);
    expect(result.errors?.[0]?.longMessage).toBe('boom');
  });

  it('reads error JSON under any JSON media type (application/problem+json)', async () => {
    local.current.setHandler((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ type: 'NO_PATH_MATCHED_ERROR', title: 'Route not resolved' }));
    });
    const result = await client().users.getUser('user_1');
    expect(result.errors?.[0]).toMatchObject({
      code: RequestErrorCode.UnexpectedResponse,
      longMessage: 'Route not resolved',
    });
  });
});

describe('bodies that are not what was declared', () => {
  it('parses application/json; charset=utf-8 (0.x returned the raw string)', async () => {
    local.current.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ object: 'session', id: 'sess_1', user_id: 'user_1' }));
    });
    const result = await client().sessions.getSession('sess_1');
    expect(result.errors).toBeNull();
    expect(result.data).toMatchObject({ id: 'sess_1', userId: 'user_1' });
  });

  it('reports a body declared JSON that does not parse as unparsable_response', async () => {
    local.current.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"object": "user", ');
    });
    const result = await client().users.getUser('user_1');
    expect(result).toMatchObject({ data: null, status: 200 });
    expect(result.errors?.[0]?.code).toBe(RequestErrorCode.UnparsableResponse);
  });

  it('reports HTML where JSON was expected as unexpected_response', async () => {
    local.current.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>captive portal</html>');
    });
    const result = await client().users.getUser('user_1');
    expect(result.errors?.[0]?.code).toBe(RequestErrorCode.UnexpectedResponse);
  });

  it('passes text through for the interstitial, whose answer is HTML', async () => {
    local.current.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>interstitial</html>');
    });
    const result = await client().interstitial.getInterstitial();
    expect(result).toMatchObject({ data: '<html>interstitial</html>', errors: null, status: 200 });
  });
});

describe('the network', () => {
  it('gives network_error for a refused connection', async () => {
    const port = await unusedPort();
    const result = await createBackendApiClient({
      secretKey,
      apiUrl: `http://127.0.0.1:${port}`,
    }).users.getUser('u');
    expect(result.data).toBeNull();
    expect(result.status).toBeUndefined();
    expect(result.errors?.[0]?.code).toBe(RequestErrorCode.NetworkError);
    expect(result.errors?.[0]?.longMessage).toContain('ECONNREFUSED');
  });

  it('gives network_error for a host name that does not resolve', async () => {
    const api = createBackendApiClient({
      secretKey,
      apiUrl: 'http://no-such-host.invalid',
      timeoutInMs: 10_000,
    });
    const result = await api.users.getUser('u');
    expect([RequestErrorCode.NetworkError, RequestErrorCode.Timeout]).toContain(result.errors?.[0]?.code);
  });

  it('gives request_timeout when no response comes', async () => {
    local.current.setHandler(() => {
      // never answers
    });
    const result = await client({ timeoutInMs: 100 }).users.getUser('user_1');
    expect(result.errors).toEqual([
      { code: RequestErrorCode.Timeout, message: 'The Backend API did not answer within 100 ms.' },
    ]);
  });

  it('gives request_timeout when the body never ends', async () => {
    local.current.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"object":');
    });
    const result = await client().users.getUser('user_1', { timeoutInMs: 150 });
    expect(result.errors?.[0]?.code).toBe(RequestErrorCode.Timeout);
  });

  it('gives request_aborted when the caller aborts mid-request', async () => {
    local.current.setHandler(() => {
      // never answers
    });
    const controller = new AbortController();
    const pending = client().users.getUser('user_1', { signal: controller.signal });
    while (local.current.requests.length === 0) await new Promise(resolve => setTimeout(resolve, 5));
    controller.abort();
    const result = await pending;
    expect(result.errors?.[0]?.code).toBe(RequestErrorCode.Aborted);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const result = await client().users.getUser('user_1', { signal: AbortSignal.abort() });
    expect(result.errors?.[0]?.code).toBe(RequestErrorCode.Aborted);
    expect(local.current.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  /** Answers `statuses` in turn, then 200 with a session. */
  const answerInTurn = (statuses: number[], headers: Record<string, string> = {}) => {
    let calls = 0;
    local.current.setHandler((_request, response) => {
      const status = statuses[calls++];
      if (status === undefined) {
        answerJson(200, { object: 'session', id: 'sess_1' })(_request, response);
        return;
      }
      answerJson(status, { errors: [{ code: 'busy', message: 'try later' }] }, headers)(_request, response);
    });
  };
  const recordingRetries = (options: RetryOptions = {}) => {
    const events: Array<{ attempt: number; status: number; delayInMs: number; fromRetryAfter: boolean }> = [];
    return {
      events,
      retries: { ...options, onRetry: (event: (typeof events)[number]) => events.push(event) },
    };
  };

  it('retries a GET on 503 twice by default, with jittered backoff inside its bounds, then succeeds', async () => {
    answerInTurn([503, 503]);
    const { events, retries } = recordingRetries({ baseDelayInMs: 20 });
    const result = await client({ retries }).sessions.getSession('sess_1');
    expect(result.errors).toBeNull();
    expect(local.current.requests).toHaveLength(3);
    expect(events.map(e => [e.attempt, e.status, e.fromRetryAfter])).toEqual([
      [1, 503, false],
      [2, 503, false],
    ]);
    expect(events[0]!.delayInMs).toBeGreaterThanOrEqual(10);
    expect(events[0]!.delayInMs).toBeLessThanOrEqual(20);
    expect(events[1]!.delayInMs).toBeGreaterThanOrEqual(20);
    expect(events[1]!.delayInMs).toBeLessThanOrEqual(40);
  });

  it('stops after the bound and returns the last error', async () => {
    answerInTurn([503, 502, 504, 503]);
    const result = await client({ retries: { baseDelayInMs: 1 } }).sessions.getSession('sess_1');
    expect(local.current.requests).toHaveLength(3);
    expect(result).toMatchObject({ data: null, status: 504, errors: [{ code: 'busy' }] });
  });

  it('honours Retry-After in seconds on 429', async () => {
    answerInTurn([429], { 'retry-after': '1' });
    const { events, retries } = recordingRetries();
    const result = await client({ retries }).users.getUser('user_1');
    expect(result.errors).toBeNull();
    expect(events).toEqual([{ attempt: 1, status: 429, delayInMs: 1000, fromRetryAfter: true }]);
    expect(local.current.requests).toHaveLength(2);
  });

  it('honours Retry-After as an HTTP date (in the past: no wait)', async () => {
    answerInTurn([429], { 'retry-after': new Date(Date.now() - 60_000).toUTCString() });
    const { events, retries } = recordingRetries();
    await client({ retries }).users.getUser('user_1');
    expect(events).toEqual([{ attempt: 1, status: 429, delayInMs: 0, fromRetryAfter: true }]);
  });

  it('gives up at once when Retry-After exceeds the cap', async () => {
    answerInTurn([429, 429], { 'retry-after': '3600' });
    const { events, retries } = recordingRetries({ maxDelayInMs: 5_000 });
    const result = await client({ retries }).users.getUser('user_1');
    expect(events).toEqual([]);
    expect(local.current.requests).toHaveLength(1);
    expect(result.status).toBe(429);
  });

  it('does not retry POST or PATCH unless asked to', async () => {
    answerInTurn([503]);
    const result = await client({ retries: { baseDelayInMs: 1 } }).sessions.revokeSession('sess_1');
    expect(result.status).toBe(503);
    expect(local.current.requests).toHaveLength(1);

    local.current.requests.length = 0;
    answerInTurn([503]);
    const optedIn = await client({
      retries: { baseDelayInMs: 1, retryNonIdempotent: true },
    }).sessions.revokeSession('sess_1');
    expect(optedIn.errors).toBeNull();
    expect(local.current.requests).toHaveLength(2);
  });

  it('retries PUT and DELETE, never 500 or 4xx other than 429', async () => {
    answerInTurn([503]);
    await client({ retries: { baseDelayInMs: 1 } }).users.deleteUser('user_1');
    expect(local.current.requests.map(r => r.method)).toEqual(['DELETE', 'DELETE']);

    local.current.requests.length = 0;
    answerInTurn([500]);
    const result = await client({ retries: { baseDelayInMs: 1 } }).users.getUser('user_1');
    expect(result.status).toBe(500);
    expect(local.current.requests).toHaveLength(1);
  });

  it('takes a per-call retry count over the client one (0 disables)', async () => {
    answerInTurn([503]);
    const result = await client({ retries: 2 }).sessions.getSession('sess_1', { retries: 0 });
    expect(result.status).toBe(503);
    expect(local.current.requests).toHaveLength(1);
  });

  it('gives request_aborted when aborted during a retry wait', async () => {
    answerInTurn([503, 503]);
    const controller = new AbortController();
    const retries = { baseDelayInMs: 60_000, maxDelayInMs: 60_000, onRetry: () => controller.abort() };
    const result = await client({ retries }).sessions.getSession('sess_1', { signal: controller.signal });
    expect(result.errors?.[0]?.code).toBe(RequestErrorCode.Aborted);
    expect(local.current.requests).toHaveLength(1);
  });
});

describe('programmer errors reject before any I/O', () => {
  it('rejects without a secret key, with the 0.x message', async () => {
    await expect(
      createBackendApiClient({ apiUrl: local.current.url }).users.getUser('user_1'),
    ).rejects.toThrow(
      'Missing Clerk Secret Key or API Key. Go to https://dashboard.clerk.com and get your key for your instance.',
    );
    expect(local.current.requests).toHaveLength(0);
  });

  it('accepts the deprecated apiKey', async () => {
    const result = await createBackendApiClient({
      apiKey: 'sk_test_legacy',
      apiUrl: local.current.url,
    }).users.getUser('u');
    expect(result.errors).toBeNull();
    expect(local.current.requests[0]?.headers.authorization).toBe('Bearer sk_test_legacy');
  });

  it('rejects an empty id for every guarded path parameter', async () => {
    const api = client();
    await expect(api.users.getUser('')).rejects.toThrow('A valid resource ID is required.');
    await expect(api.domains.deleteDomain('')).rejects.toThrow('A valid resource ID is required.');
    await expect(
      api.organizations.deleteOrganizationMembership({ organizationId: 'org_1', userId: '' }),
    ).rejects.toThrow('A valid resource ID is required.');
    await expect(api.jwtTemplates.getJWTTemplate('')).rejects.toThrow('A valid resource ID is required.');
    expect(local.current.requests).toHaveLength(0);
  });
});
