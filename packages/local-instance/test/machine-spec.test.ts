// The machine operations' answers validated against the 2026-05-12 spec (current Clerk), read where the project
// keeps it (outside the repo), never copied.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type LocalInstance, startLocalInstance } from '../src/index';
import { callApi } from './support';

const specPath = fileURLToPath(new URL('../../../../shared/bapi-openapi/2026-05-12.yml', import.meta.url));

// OpenAPI 3.0's `nullable` without a `type` is not JSON Schema: read as "that schema, or null".
function adaptNullable(node: any): any {
  if (Array.isArray(node)) return node.map(adaptNullable);
  if (typeof node !== 'object' || node === null) return node;
  const adapted = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, adaptNullable(value)]));
  if (adapted.nullable !== true || 'type' in adapted) return adapted;
  const { nullable: _, ...rest } = adapted;
  return { anyOf: [rest, { type: 'null' }] };
}

const spec = adaptNullable(parse(readFileSync(specPath, 'utf8')));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('int64', true);
ajv.addFormat('int32', true);
ajv.addSchema(spec, 'spec');
const pointer = (...segments: string[]) =>
  segments.map(segment => encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');

function validatorFor(method: string, specPathKey: string, status: number) {
  const response = spec.paths[specPathKey][method.toLowerCase()].responses[String(status)];
  expect(response, `${method} ${specPathKey} documents ${status}`).toBeDefined();
  const base = response.$ref
    ? `spec#${response.$ref.slice(1)}`
    : `spec#/${pointer('paths', specPathKey, method.toLowerCase(), 'responses', String(status))}`;
  return ajv.compile({ $ref: `${base}/${pointer('content', 'application/json', 'schema')}` });
}

let instance: LocalInstance;
beforeAll(async () => {
  instance = await startLocalInstance();
});
afterAll(() => instance.stop());

async function expectConforming(
  method: string,
  specPathKey: string,
  path: string,
  status: number,
  body?: unknown,
  authorization?: string,
) {
  const response = await callApi(instance, method, path, body, authorization);
  expect(response.status, JSON.stringify(response.json)).toBe(status);
  const validate = validatorFor(method, specPathKey, status);
  expect(validate(response.json), `${method} ${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  return response.json;
}

describe('machine operations validate against the 2026-05-12 spec', () => {
  it('machines, M2M tokens, API keys and OAuth access tokens', async () => {
    const callee = await expectConforming('POST', '/machines', '/v1/machines', 200, { name: 'callee' });
    const caller = await expectConforming('POST', '/machines', '/v1/machines', 200, {
      name: 'caller',
      scoped_machines: [callee.id],
    });
    await expectConforming('GET', '/machines/{machine_id}', `/v1/machines/${caller.id}`, 200);
    await expectConforming('GET', '/machines', '/v1/machines', 200);
    const secret = await expectConforming(
      'GET',
      '/machines/{machine_id}/secret_key',
      `/v1/machines/${caller.id}/secret_key`,
      200,
    );
    expect(secret.secret).toBe(caller.secret_key);

    const machineKey = `Bearer ${caller.secret_key}`;
    for (const token_format of ['opaque', 'jwt']) {
      await expectConforming('POST', '/m2m_tokens', '/v1/m2m_tokens', 201, { token_format }, machineKey);
    }
    const m2m = await expectConforming(
      'POST',
      '/m2m_tokens',
      '/v1/m2m_tokens',
      201,
      { claims: { a: 1 } },
      machineKey,
    );
    await expectConforming('POST', '/m2m_tokens/verify', '/m2m_tokens/verify', 200, { token: m2m.token });
    await expectConforming(
      'POST',
      '/m2m_tokens/{m2m_token_id}/revoke',
      `/v1/m2m_tokens/${m2m.id}/revoke`,
      200,
      { revocation_reason: 'done' },
      machineKey,
    );

    const user = instance.createUser({ emailAddress: ['spec@example.com'] } as never);
    const key = await expectConforming('POST', '/api_keys', '/v1/api_keys', 200, {
      name: 'spec',
      subject: user.id,
    });
    await expectConforming('POST', '/api_keys/verify', '/api_keys/verify', 200, { secret: key.secret });
    await expectConforming('POST', '/api_keys/{apiKeyID}/revoke', `/v1/api_keys/${key.id}/revoke`, 200, {});

    const { clientId } = instance.machines.createOAuthApplication({ name: 'spec' });
    const access = instance.machines.issueOAuthAccessToken({ clientId, userId: user.id });
    await expectConforming(
      'POST',
      '/oauth_applications/access_tokens/verify',
      '/oauth_applications/access_tokens/verify',
      200,
      {
        access_token: access.token,
      },
    );
  });
});
