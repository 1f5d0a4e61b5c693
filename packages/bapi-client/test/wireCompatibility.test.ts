// Every 0.x method against a capture server: method, path, query, headers and body as 0.38.15 sent them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zeroXMethods } from '../scripts/generator-config.mjs';
import { type BackendApiClient, createBackendApiClient } from '../src/index';
import { type LocalServer, readMultipart, startLocalServer } from './localServer';
import { zeroXCalls } from './zeroXCalls';

let server: LocalServer;
let client: BackendApiClient;

beforeAll(async () => {
  server = await startLocalServer();
  client = createBackendApiClient({
    secretKey: 'sk_test_abc123',
    apiUrl: server.url,
    userAgent: '@clerk/backend@0.38.15',
  });
});

afterAll(() => server.close());

describe('every 0.x method sends what 0.38.15 sent', () => {
  it('covers each method of the 14 0.x groups', () => {
    const covered = new Set(zeroXCalls.map(([label]) => label));
    const expected = Object.entries(zeroXMethods).flatMap(([group, methods]) =>
      Object.keys(methods).map(method => `${group}.${method}`),
    );
    expect(expected).toHaveLength(63);
    expect(expected.filter(name => !covered.has(name))).toEqual([]);
  });

  it.each(zeroXCalls)('%s', async (_label, call, wire) => {
    const before = server.requests.length;
    const result = (await call(client)) as { errors: unknown };
    expect(result.errors).toBeNull();
    expect(server.requests).toHaveLength(before + 1);
    const request = server.requests[before]!;

    expect(request.method).toBe(wire.method);
    expect(request.path).toBe(wire.path);
    expect(request.query).toEqual(wire.query ?? []);
    expect(request.headers.authorization).toBe('Bearer sk_test_abc123');
    expect(request.headers['user-agent']).toBe('@clerk/backend@0.38.15');
    expect(request.headers['clerk-api-version']).toBeUndefined();

    if (wire.multipart) {
      expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      const form = await readMultipart(request);
      const fields: Record<string, string> = {};
      for (const [name, value] of form.entries()) {
        fields[name] = typeof value === 'string' ? value : `${value.name}:${await value.text()}`;
      }
      expect(fields).toEqual(wire.multipart);
    } else {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.body.length === 0 ? undefined : request.body.toString('utf8')).toBe(wire.body);
    }
  });
});
