// The client as a whole against a local server: URLs, headers, options, results and the group surface.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, groupClassName, loadSpecs, zeroXMethodNamed } from '../scripts/generate.mjs';
import { zeroXMethods } from '../scripts/generator-config.mjs';
import * as endpointClasses from '../src/generated/groups';
import {
  createBackendApiClient,
  DEFAULT_API_URL,
  DEFAULT_API_VERSION,
  DEFAULT_USER_AGENT,
  DeletedObject,
  Organization,
  User,
} from '../src/index';
import { PACKAGE_VERSION } from '../src/version';
import { answerJson, readMultipart, useLocalServer } from './localServer';

const local = useLocalServer();
const secretKey = 'sk_test_client';
const client = (options: Parameters<typeof createBackendApiClient>[0] = {}) =>
  createBackendApiClient({ secretKey, apiUrl: local.current.url, ...options });

describe('defaults', () => {
  it('are the 0.x ones, with our own version in the user agent', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(PACKAGE_VERSION).toBe(packageJson.version);
    expect(DEFAULT_API_URL).toBe('https://api.clerk.dev');
    expect(DEFAULT_API_VERSION).toBe('v1');
    expect(DEFAULT_USER_AGENT).toBe(`@clerk/backend@${packageJson.version}`);
  });

  it('send the default user agent when none is given', async () => {
    await client().users.getUser('user_1');
    expect(local.current.requests[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
  });
});

describe('URLs', () => {
  it('keep a base path of apiUrl and use apiVersion as a segment', async () => {
    await client({ apiUrl: `${local.current.url}/proxy/`, apiVersion: 'v9' }).users.getUser('user_1');
    expect(local.current.requests[0]?.path).toBe('/proxy/v9/users/user_1');
  });

  it('drop the version segment when apiVersion is empty', async () => {
    await client({ apiVersion: '' }).users.getUser('user_1');
    expect(local.current.requests[0]?.path).toBe('/users/user_1');
  });

  it('percent-encode path ids, so an id cannot reach another path', async () => {
    await client().users.getUser('user_1/../../organizations?x=1#y');
    expect(local.current.requests[0]?.path).toBe('/v1/users/user_1%2F..%2F..%2Forganizations%3Fx%3D1%23y');
    expect(local.current.requests[0]?.query).toEqual([]);
  });
});

describe('options', () => {
  it('call an injected fetch bound to globalThis', async () => {
    let receiver: unknown;
    async function injectedFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      receiver = this;
      return fetch(input, init);
    }
    const result = await client({ fetch: injectedFetch }).users.getUser('user_1');
    expect(result.errors).toBeNull();
    expect(receiver).toBe(globalThis);
  });

  it('add the headers of the deprecated httpOptions, without letting them replace Authorization', async () => {
    await client({
      httpOptions: { headers: { 'X-Extra': 'yes', Authorization: 'Bearer other' } },
    }).users.getUser('u');
    expect(local.current.requests[0]?.headers['x-extra']).toBe('yes');
    expect(local.current.requests[0]?.headers.authorization).toBe(`Bearer ${secretKey}`);
  });

  it('read the options at call time from a copy taken at creation', async () => {
    const options = { secretKey, apiUrl: local.current.url };
    const api = createBackendApiClient(options);
    options.secretKey = 'sk_test_changed';
    await api.users.getUser('u');
    expect(local.current.requests[0]?.headers.authorization).toBe(`Bearer ${secretKey}`);
  });
});

describe('results', () => {
  it('carry totalCount for { data, total_count } pages', async () => {
    local.current.setHandler(
      answerJson(200, { data: [{ object: 'organization', id: 'org_1', name: 'Acme' }], total_count: 5 }),
    );
    const result = await client().organizations.getOrganizationList();
    expect(result).toMatchObject({ errors: null, totalCount: 5, status: 200 });
    expect(result.data?.[0]).toBeInstanceOf(Organization);
  });

  it('carry status and the cf-ray trace id on success', async () => {
    local.current.setHandler(answerJson(200, { object: 'user', id: 'user_1' }, { 'cf-ray': 'ray-ok' }));
    const result = await client().users.getUser('user_1');
    expect(result).toMatchObject({ errors: null, status: 200, clerkTraceId: 'ray-ok' });
    expect(result.data).toBeInstanceOf(User);
  });

  it('give sessions.getToken the jwt string', async () => {
    local.current.setHandler(answerJson(200, { object: 'token', jwt: 'eyJ.a.b' }));
    const result = await client().sessions.getToken('sess_1', 'supabase');
    expect(result).toMatchObject({ data: 'eyJ.a.b', errors: null, status: 200 });
  });

  it('give deleteUser a DeletedObject and getCount a number', async () => {
    local.current.setHandler(answerJson(200, { object: 'user', id: 'user_1', deleted: true }));
    expect((await client().users.deleteUser('user_1')).data).toBeInstanceOf(DeletedObject);
    local.current.setHandler(answerJson(200, { object: 'total_count', total_count: 12 }));
    expect((await client().users.getCount()).data).toBe(12);
  });

  it('survive a malformed URL field in a user (0.x failed the call)', async () => {
    local.current.setHandler(
      answerJson(200, {
        object: 'user',
        id: 'user_1',
        external_accounts: [
          {
            object: 'external_account',
            id: 'eac_1',
            verification: { external_verification_redirect_url: 'string' },
          },
        ],
      }),
    );
    const result = await client().users.getUser('user_1');
    expect(result.errors).toBeNull();
    expect(result.data?.externalAccounts[0]?.verification?.externalVerificationRedirectURL).toBeNull();
  });

  it('pass objects of unknown type through', async () => {
    local.current.setHandler(answerJson(200, { verified: true, code_type: 'totp' }));
    const result = await client().users.verifyTOTP({ userId: 'user_1', code: '000000' });
    expect(result.data).toEqual({ verified: true, code_type: 'totp' });
  });

  it('give null data for an empty 2xx body where JSON was expected', async () => {
    local.current.setHandler((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const result = await client().users.deleteUser('user_1');
    expect(result).toMatchObject({ data: null, errors: null, status: 204 });
  });
});

describe('generated operations', () => {
  it('snake_case each element of an array body', async () => {
    await client().invitations.createBulkInvitations([
      { emailAddress: 'a@x.com', publicMetadata: { keepMe: 1 } },
      { emailAddress: 'b@x.com', ignoreExisting: true },
    ]);
    expect(local.current.requests[0]?.body.toString()).toBe(
      JSON.stringify([
        { email_address: 'a@x.com', public_metadata: { keepMe: 1 } },
        { email_address: 'b@x.com', ignore_existing: true },
      ]),
    );
  });

  it('keep false and 0 in the query (only 0.x methods drop them)', async () => {
    await client().organizationMemberships.instanceGetOrganizationMemberships({ limit: 1, offset: 0 });
    expect(local.current.requests[0]?.query).toEqual([
      ['limit', '1'],
      ['offset', '0'],
    ]);
  });

  it('send multipart forms without the fields left undefined', async () => {
    await client().oauthApplications.uploadOAuthApplicationLogo('oa_1', {
      file: new File(['x'], 'logo.png'),
      uploaderUserId: undefined,
    });
    const form = await readMultipart(local.current.requests[0]!);
    expect([...form.keys()]).toEqual(['file']);
    expect(local.current.requests[0]?.path).toBe('/v1/oauth_applications/oa_1/logo');
  });
});

describe('surface', () => {
  const model = buildModel(loadSpecs());

  it('has the 14 0.x groups, every group of the specs and the request() escape hatch', () => {
    const api = createBackendApiClient({ secretKey });
    const groups = new Set(model.operations.map((op: { group: string }) => op.group));
    for (const group of [...Object.keys(zeroXMethods), ...groups]) expect(api).toHaveProperty(group);
    expect(typeof api.request).toBe('function');
    expect(Object.keys(api)).toHaveLength(new Set([...Object.keys(zeroXMethods), ...groups]).size + 1);
  });

  it('reaches all 253 operations of every version: as a generated method, or as the 0.x method of that name (any case)', () => {
    const api = createBackendApiClient({ secretKey }) as unknown as Record<string, Record<string, unknown>>;
    const classes = endpointClasses as unknown as Record<string, { prototype: Record<string, unknown> }>;
    const methodsOf = zeroXMethods as Record<string, Record<string, string | null>>;
    const unreachable = model.operations.filter(
      (op: { group: string; methodName: string; operationId: string }) => {
        const generated = classes[groupClassName(op.group)]?.prototype[op.methodName];
        const zeroXName = zeroXMethodNamed(methodsOf[op.group] ?? {}, op.methodName);
        const viaZeroX =
          zeroXName !== undefined &&
          methodsOf[op.group]?.[zeroXName] === op.operationId &&
          typeof api[op.group]?.[zeroXName] === 'function';
        return typeof generated !== 'function' && !viaZeroX;
      },
    );
    expect(model.operations).toHaveLength(253);
    expect(unreachable).toEqual([]);
  });
});
