// request({ method, path, query, body }): the escape hatch, against a real server on 127.0.0.1, with the
// same request layer as every method (auth, retries, timeouts, AbortSignal, error entries).
import { describe, expect, it } from 'vitest';
import { createBackendApiClient, DeletedObject, M2MToken, RequestErrorCode, User } from '../src/index';
import { answerJson, useLocalServer } from './localServer';

const local = useLocalServer();
const secretKey = 'sk_test_raw';
const client = (options: Parameters<typeof createBackendApiClient>[0] = {}) =>
  createBackendApiClient({ secretKey, apiUrl: local.current.url, ...options });

describe('request()', () => {
  it('sends method, path under the version segment, query and JSON body with the usual headers', async () => {
    local.current.setHandler(answerJson(200, { ok: true }));
    const result = await client({ clerkApiVersion: '2026-05-12' }).request({
      method: 'POST',
      path: '/agents/tasks',
      query: { dryRun: true, tag: ['a', 'b'], skipped: undefined },
      body: { agentId: 'agt_1', on_behalf_of: { user_id: 'user_1' } },
    });
    expect(result).toEqual({ data: { ok: true }, errors: null, status: 200 });
    const [request] = local.current.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/v1/agents/tasks');
    expect(request!.query).toEqual([
      ['dry_run', 'true'],
      ['tag', 'a'],
      ['tag', 'b'],
    ]);
    expect(request!.body.toString()).toBe('{"agent_id":"agt_1","on_behalf_of":{"user_id":"user_1"}}');
    expect(request!.headers.authorization).toBe(`Bearer ${secretKey}`);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['clerk-api-version']).toBe('2026-05-12');
  });

  it('resolves resources by their object type, pages with totalCount, deleted objects and unknown JSON', async () => {
    local.current.setHandler(
      answerJson(200, {
        data: [
          { object: 'user', id: 'user_1', first_name: 'Ada', email_addresses: [] },
          { object: 'machine_to_machine_token', id: 'mt_1', subject: 'mch_1', created_at: 1 },
          { object: 'something_new', id: 'x_1', some_key: 1 },
        ],
        total_count: 42,
      }),
    );
    const page = await client().request<unknown[]>({ method: 'GET', path: '/anything' });
    expect(page.totalCount).toBe(42);
    const [user, token, unknown] = page.data!;
    expect(user).toBeInstanceOf(User);
    expect((user as User).firstName).toBe('Ada');
    expect(token).toBeInstanceOf(M2MToken);
    expect((token as M2MToken).createdAt).toBe(1);
    expect(unknown).toEqual({ object: 'something_new', id: 'x_1', some_key: 1 });

    local.current.setHandler(answerJson(200, { object: 'user', id: 'user_1', deleted: true }));
    const deleted = await client().request({ method: 'DELETE', path: '/users/user_1' });
    expect(deleted.data).toBeInstanceOf(DeletedObject);
  });

  it('sends no body for GET and leaves braces in the path as text', async () => {
    await client().request({ method: 'GET', path: '/users/{user_id}', body: { ignored: true } });
    expect(local.current.requests[0]!.path).toBe('/v1/users/%7Buser_id%7D');
    expect(local.current.requests[0]!.body.length).toBe(0);
  });

  it('maps Backend API errors to the usual error entries, status and trace id', async () => {
    local.current.setHandler(
      answerJson(
        422,
        { errors: [{ code: 'form_param_missing', message: 'missing', long_message: 'name is missing' }] },
        { 'cf-ray': 'ray-raw' },
      ),
    );
    const result = await client().request({ method: 'PATCH', path: '/instance', body: {} });
    expect(result).toEqual({
      data: null,
      status: 422,
      clerkTraceId: 'ray-raw',
      errors: [{ code: 'form_param_missing', message: 'missing', longMessage: 'name is missing', meta: {} }],
    });
  });

  it('retries a GET on 503 as every method does', async () => {
    let calls = 0;
    local.current.setHandler((_request, response) => {
      calls++;
      if (calls < 3) {
        response.writeHead(503, { 'retry-after': '0', 'content-type': 'application/json' });
        response.end('{}');
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"object":"user","id":"user_1"}');
      }
    });
    const result = await client().request({ method: 'GET', path: '/users/user_1' });
    expect(calls).toBe(3);
    expect(result.data).toBeInstanceOf(User);
  });

  it('times out per attempt and honours an AbortSignal', async () => {
    local.current.setHandler(() => {
      // never answers
    });
    const timedOut = await client({ retries: 0 }).request(
      { method: 'GET', path: '/slow' },
      { timeoutInMs: 50 },
    );
    expect(timedOut.errors?.[0]?.code).toBe(RequestErrorCode.Timeout);
    expect(timedOut.clerkTraceId).toBe('');

    const controller = new AbortController();
    const pending = client({ retries: 0 }).request(
      { method: 'GET', path: '/slow' },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    const aborted = await pending;
    expect(aborted.errors?.[0]?.code).toBe(RequestErrorCode.Aborted);
  });

  it('rejects a path that does not start with "/" before any request', () => {
    expect(() => client().request({ method: 'GET', path: 'users' })).toThrow(
      'request(): path must start with "/"',
    );
    expect(() => client().request({ method: 'GET', path: 'http://evil.example/x' })).toThrow(TypeError);
    expect(local.current.requests).toHaveLength(0);
  });
});
