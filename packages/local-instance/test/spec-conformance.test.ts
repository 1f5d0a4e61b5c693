import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type LocalInstance, startLocalInstance } from '../src/index';
import { callApi } from './support';

// The official spec is read where the project keeps it (outside the repo), never copied.
const specPath = fileURLToPath(new URL('../../../../shared/bapi-openapi/2021-02-05.yml', import.meta.url));
const spec = adaptNullable(parse(readFileSync(specPath, 'utf8')));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('int64', true);
ajv.addFormat('int32', true);
ajv.addSchema(spec, 'spec');

/**
 * OpenAPI 3.0's `nullable` without a `type` (next to `allOf`/`$ref`) is not JSON Schema; Ajv rejects it.
 * Rewritten in memory as "that schema, or null", which is what the spec means.
 */
function adaptNullable(node: any): any {
  if (Array.isArray(node)) return node.map(adaptNullable);
  if (typeof node !== 'object' || node === null) return node;
  const adapted = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, adaptNullable(value)]));
  if (adapted.nullable !== true || 'type' in adapted) return adapted;
  const { nullable: _, ...rest } = adapted;
  return { anyOf: [rest, { type: 'null' }] };
}

const pointer = (...segments: string[]): string =>
  segments.map(segment => encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');

const validators = new Map<string, ValidateFunction>();

/** The validator of the JSON body the spec documents for this operation and status. */
function responseValidator(method: string, specPathKey: string, status: number): ValidateFunction {
  const key = `${method} ${specPathKey} ${status}`;
  const known = validators.get(key);
  if (known) return known;
  const operation = spec.paths[specPathKey]?.[method.toLowerCase()];
  if (!operation) throw new Error(`no operation ${method} ${specPathKey} in the spec`);
  const response = operation.responses[String(status)];
  if (!response) throw new Error(`the spec documents no ${status} for ${method} ${specPathKey}`);
  const base = response.$ref
    ? `spec#${response.$ref.slice(1)}`
    : `spec#/${pointer('paths', specPathKey, method.toLowerCase(), 'responses', String(status))}`;
  const validate = ajv.compile({ $ref: `${base}/${pointer('content', 'application/json', 'schema')}` });
  validators.set(key, validate);
  return validate;
}

const checked = new Set<string>();

let instance: LocalInstance;

async function uploadForm(method: string, path: string, form: FormData) {
  const response = await fetch(`${instance.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${instance.secretKey}` },
    body: form,
  });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

const imageForm = (extra: Record<string, string> = {}): FormData => {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'logo.png');
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  return form;
};

/** Calls the instance and asserts status and spec conformance of the body. */
async function expectConforming(
  method: string,
  specPathKey: string,
  path: string,
  status: number,
  body?: unknown,
): Promise<any> {
  const response =
    body instanceof FormData
      ? await uploadForm(method, path, body)
      : await callApi(instance, method, path, body);
  expect(response.status, JSON.stringify(response.json)).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  const validate = responseValidator(method, specPathKey, status);
  const valid = validate(response.json);
  expect(valid, `${method} ${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  checked.add(`${method} ${specPathKey}`);
  return response.json;
}

beforeAll(async () => {
  instance = await startLocalInstance();
  instance.defineJwtTemplate('supabase', {
    claims: { email: '{{user.primary_email_address}}', role: 'authenticated' },
  });
});

afterAll(async () => {
  await instance.stop();
});

describe('responses validate against the 2021-02-05 spec', () => {
  it('serves every 0.x operation with the documented shapes', async () => {
    const user = await expectConforming('POST', '/users', '/v1/users', 200, {
      email_address: ['ada@example.com'],
      phone_number: ['+15555550100'],
      username: 'ada_l',
      password: 'correct horse battery',
      first_name: 'Ada',
      last_name: 'Lovelace',
      backup_codes: ['backup-1'],
      public_metadata: { plan: 'pro' },
    });
    const other = await expectConforming('POST', '/users', '/v1/users', 200, {
      email_address: ['bob@example.com'],
    });
    await expectConforming('GET', '/users', '/v1/users?limit=1&offset=1', 200);
    await expectConforming('GET', '/users/count', '/v1/users/count', 200);
    await expectConforming('GET', '/users/{user_id}', `/v1/users/${user.id}`, 200);
    await expectConforming('PATCH', '/users/{user_id}', `/v1/users/${user.id}`, 200, { last_name: null });
    await expectConforming('PATCH', '/users/{user_id}/metadata', `/v1/users/${user.id}/metadata`, 200, {
      private_metadata: { stripe: 'cus_1' },
    });
    await expectConforming(
      'POST',
      '/users/{user_id}/verify_password',
      `/v1/users/${user.id}/verify_password`,
      200,
      {
        password: 'correct horse battery',
      },
    );
    await expectConforming('POST', '/users/{user_id}/verify_totp', `/v1/users/${user.id}/verify_totp`, 200, {
      code: 'backup-1',
    });
    await expectConforming('DELETE', '/users/{user_id}/mfa', `/v1/users/${user.id}/mfa`, 200);
    await expectConforming(
      'POST',
      '/users/{user_id}/profile_image',
      `/v1/users/${user.id}/profile_image`,
      200,
      imageForm(),
    );
    await expectConforming(
      'GET',
      '/users/{user_id}/oauth_access_tokens/{provider}',
      `/v1/users/${user.id}/oauth_access_tokens/oauth_google`,
      200,
    );

    const email = await expectConforming('POST', '/email_addresses', '/v1/email_addresses', 200, {
      user_id: user.id,
      email_address: 'ada@work.example.com',
      verified: false,
    });
    await expectConforming(
      'GET',
      '/email_addresses/{email_address_id}',
      `/v1/email_addresses/${email.id}`,
      200,
    );
    await expectConforming(
      'PATCH',
      '/email_addresses/{email_address_id}',
      `/v1/email_addresses/${email.id}`,
      200,
      {
        verified: true,
        primary: true,
      },
    );
    await expectConforming(
      'DELETE',
      '/email_addresses/{email_address_id}',
      `/v1/email_addresses/${email.id}`,
      200,
    );
    const phone = await expectConforming('POST', '/phone_numbers', '/v1/phone_numbers', 200, {
      user_id: user.id,
      phone_number: '+15555550101',
    });
    await expectConforming('GET', '/phone_numbers/{phone_number_id}', `/v1/phone_numbers/${phone.id}`, 200);
    await expectConforming(
      'PATCH',
      '/phone_numbers/{phone_number_id}',
      `/v1/phone_numbers/${phone.id}`,
      200,
      {
        verified: true,
      },
    );
    await expectConforming(
      'DELETE',
      '/phone_numbers/{phone_number_id}',
      `/v1/phone_numbers/${phone.id}`,
      200,
    );

    const organization = await expectConforming('POST', '/organizations', '/v1/organizations', 200, {
      name: 'Analytical Engines',
      created_by: user.id,
    });
    await expectConforming('GET', '/organizations', '/v1/organizations?include_members_count=true', 200);
    await expectConforming(
      'GET',
      '/organizations/{organization_id}',
      `/v1/organizations/${organization.slug}`,
      200,
    );
    await expectConforming(
      'PATCH',
      '/organizations/{organization_id}',
      `/v1/organizations/${organization.id}`,
      200,
      {
        name: 'Engines Ltd',
      },
    );
    await expectConforming(
      'PATCH',
      '/organizations/{organization_id}/metadata',
      `/v1/organizations/${organization.id}/metadata`,
      200,
      { public_metadata: { tier: 1 } },
    );
    await expectConforming(
      'PUT',
      '/organizations/{organization_id}/logo',
      `/v1/organizations/${organization.id}/logo`,
      200,
      imageForm({ uploader_user_id: user.id }),
    );
    await expectConforming(
      'DELETE',
      '/organizations/{organization_id}/logo',
      `/v1/organizations/${organization.id}/logo`,
      200,
    );
    const membershipsPath = `/v1/organizations/${organization.id}/memberships`;
    await expectConforming('POST', '/organizations/{organization_id}/memberships', membershipsPath, 200, {
      user_id: other.id,
      role: 'basic_member',
    });
    await expectConforming('GET', '/organizations/{organization_id}/memberships', membershipsPath, 200);
    await expectConforming(
      'PATCH',
      '/organizations/{organization_id}/memberships/{user_id}',
      `${membershipsPath}/${other.id}`,
      200,
      { role: 'admin' },
    );
    await expectConforming(
      'PATCH',
      '/organizations/{organization_id}/memberships/{user_id}/metadata',
      `${membershipsPath}/${other.id}/metadata`,
      200,
      { public_metadata: { team: 'core' } },
    );
    await expectConforming(
      'GET',
      '/users/{user_id}/organization_memberships',
      `/v1/users/${other.id}/organization_memberships`,
      200,
    );
    await expectConforming(
      'DELETE',
      '/organizations/{organization_id}/memberships/{user_id}',
      `${membershipsPath}/${other.id}`,
      200,
    );
    const invitationsPath = `/v1/organizations/${organization.id}/invitations`;
    const orgInvitation = await expectConforming(
      'POST',
      '/organizations/{organization_id}/invitations',
      invitationsPath,
      200,
      {
        email_address: 'carol@example.com',
        role: 'basic_member',
        inviter_user_id: user.id,
      },
    );
    await expectConforming(
      'GET',
      '/organizations/{organization_id}/invitations',
      `${invitationsPath}?status=pending`,
      200,
    );
    await expectConforming(
      'GET',
      '/organizations/{organization_id}/invitations/pending',
      `${invitationsPath}/pending`,
      200,
    );
    await expectConforming(
      'GET',
      '/organizations/{organization_id}/invitations/{invitation_id}',
      `${invitationsPath}/${orgInvitation.id}`,
      200,
    );
    await expectConforming(
      'POST',
      '/organizations/{organization_id}/invitations/{invitation_id}/revoke',
      `${invitationsPath}/${orgInvitation.id}/revoke`,
      200,
      { requesting_user_id: user.id },
    );

    const invitation = await expectConforming('POST', '/invitations', '/v1/invitations', 200, {
      email_address: 'dan@example.com',
      public_metadata: { source: 'test' },
    });
    await expectConforming('GET', '/invitations', '/v1/invitations?status=pending', 200);
    await expectConforming(
      'POST',
      '/invitations/{invitation_id}/revoke',
      `/v1/invitations/${invitation.id}/revoke`,
      200,
    );

    const allowed = await expectConforming(
      'POST',
      '/allowlist_identifiers',
      '/v1/allowlist_identifiers',
      200,
      {
        identifier: 'eve@example.com',
        notify: false,
      },
    );
    await expectConforming('GET', '/allowlist_identifiers', '/v1/allowlist_identifiers', 200);
    await expectConforming(
      'DELETE',
      '/allowlist_identifiers/{identifier_id}',
      `/v1/allowlist_identifiers/${allowed.id}`,
      200,
    );

    const redirect = await expectConforming('POST', '/redirect_urls', '/v1/redirect_urls', 200, {
      url: 'https://app.example.com/callback',
    });
    await expectConforming('GET', '/redirect_urls', '/v1/redirect_urls', 200);
    await expectConforming('GET', '/redirect_urls/{id}', `/v1/redirect_urls/${redirect.id}`, 200);
    await expectConforming('DELETE', '/redirect_urls/{id}', `/v1/redirect_urls/${redirect.id}`, 200);

    const signInToken = await expectConforming('POST', '/sign_in_tokens', '/v1/sign_in_tokens', 200, {
      user_id: user.id,
      expires_in_seconds: 600,
    });
    await expectConforming(
      'POST',
      '/sign_in_tokens/{sign_in_token_id}/revoke',
      `/v1/sign_in_tokens/${signInToken.id}/revoke`,
      200,
    );

    const signedIn = instance.signIn({ userId: user.id, organizationId: organization.id });
    await expectConforming('GET', '/sessions', `/v1/sessions?user_id=${user.id}`, 200);
    await expectConforming('GET', '/sessions/{session_id}', `/v1/sessions/${signedIn.sessionId}`, 200);
    await expectConforming(
      'POST',
      '/sessions/{session_id}/verify',
      `/v1/sessions/${signedIn.sessionId}/verify`,
      200,
      {
        token: signedIn.token,
      },
    );
    await expectConforming(
      'POST',
      '/sessions/{session_id}/tokens',
      `/v1/sessions/${signedIn.sessionId}/tokens`,
      200,
    );
    await expectConforming(
      'POST',
      '/sessions/{session_id}/tokens/{template_name}',
      `/v1/sessions/${signedIn.sessionId}/tokens/supabase`,
      200,
    );
    await expectConforming('GET', '/clients', '/v1/clients', 200);
    await expectConforming('GET', '/clients/{client_id}', `/v1/clients/${signedIn.clientId}`, 200);
    await expectConforming('POST', '/clients/verify', '/v1/clients/verify', 200, {
      token: signedIn.clientToken,
    });
    await expectConforming(
      'POST',
      '/sessions/{session_id}/revoke',
      `/v1/sessions/${signedIn.sessionId}/revoke`,
      200,
    );
    await expectConforming('GET', '/jwks', '/v1/jwks', 200);

    await expectConforming(
      'DELETE',
      '/organizations/{organization_id}',
      `/v1/organizations/${organization.id}`,
      200,
    );
    await expectConforming('DELETE', '/users/{user_id}', `/v1/users/${other.id}`, 200);
  });

  it('serves error bodies in the ClerkErrors shape', async () => {
    await expectConforming('GET', '/users/{user_id}', '/v1/users/user_missing', 404);
    await expectConforming('POST', '/users', '/v1/users', 422, { email_address: ['not-an-email'] });
    await expectConforming('GET', '/organizations/{organization_id}', '/v1/organizations/org_missing', 404);
    await expectConforming('POST', '/invitations', '/v1/invitations', 422, {});
    await expectConforming('GET', '/sessions/{session_id}', '/v1/sessions/sess_missing', 404);
    const unauthorized = await callApi(instance, 'GET', '/v1/clients', undefined, 'Bearer sk_test_wrong');
    expect(unauthorized.status).toBe(401);
    const validate = responseValidator('GET', '/clients', 401);
    expect(validate(unauthorized.json), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('covered every 0.x operation the instance serves', () => {
    // 61 operations in the groups of the issue (13 users, 4+4 identifications, 6 sessions, 3 clients,
    // 18 organizations, 3 invitations, 3 allowlist, 4 redirect URLs, 2 sign-in tokens, JWKS).
    expect(checked.size).toBe(61);
  });
});
