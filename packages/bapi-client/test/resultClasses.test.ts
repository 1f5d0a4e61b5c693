// What every call resolves to: for each 0.x method the class of reference bapi-client.md section 6 (with its
// nested resources); for every generated operation whose response is a known resource, that class,
// camelCased (one rule for all groups), with totalCount on pages; error entries and trace ids as in 0.x.
import { describe, expect, it } from 'vitest';
import { buildModel, camelCase, loadSpecs } from '../scripts/generate.mjs';
import { fieldRules } from '../scripts/generator-config.mjs';
import * as operations from '../src/generated/operations';
import * as resources from '../src/generated/resources';
import {
  AllowlistIdentifier,
  APIKey,
  type BackendApiClient,
  Client,
  createBackendApiClient,
  createRequestFunction,
  DeletedObject,
  Email,
  EmailAddress,
  ExternalAccount,
  IdentificationLink,
  IdPOAuthAccessToken,
  Invitation,
  M2MToken,
  Machine,
  OauthAccessToken,
  type Operation,
  Organization,
  OrganizationInvitation,
  OrganizationMembership,
  OrganizationMembershipPublicUserData,
  PhoneNumber,
  RedirectUrl,
  type ResourceClass,
  Session,
  SignInToken,
  SMSMessage,
  User,
  Verification,
  Web3Wallet,
} from '../src/index';
import { answerJson, type Handler, useLocalServer } from './localServer';
import { zeroXCalls } from './zeroXCalls';

const local = useLocalServer();
const secretKey = 'sk_test_classes';

const verification = { status: 'verified', strategy: 'email_code', attempts: 1, expire_at: 1 };
const json = {
  user: {
    object: 'user',
    id: 'user_1',
    first_name: 'Ada',
    email_addresses: [
      {
        object: 'email_address',
        id: 'idn_1',
        email_address: 'a@x.com',
        verification,
        linked_to: [{ id: 'eac_1', type: 'oauth_google' }],
      },
    ],
    phone_numbers: [
      { object: 'phone_number', id: 'idn_2', phone_number: '+1555', verification, linked_to: [] },
    ],
    web3_wallets: [{ object: 'web3_wallet', id: 'idn_3', web3_wallet: '0xabc', verification }],
    external_accounts: [{ object: 'external_account', id: 'eac_1', provider: 'oauth_google', verification }],
  },
  organization: { object: 'organization', id: 'org_1', name: 'Org', members_count: 2 },
  membership: {
    object: 'organization_membership',
    id: 'orgmem_1',
    role: 'admin',
    organization: { object: 'organization', id: 'org_1', name: 'Org' },
    public_user_data: { user_id: 'user_1', first_name: 'Ada', identifier: 'a@x.com' },
  },
  orgInvitation: {
    object: 'organization_invitation',
    id: 'orginv_1',
    email_address: 'a@x.com',
    status: 'pending',
  },
  invitation: {
    object: 'invitation',
    id: 'inv_1',
    email_address: 'a@x.com',
    status: 'revoked',
    revoked: true,
  },
  session: { object: 'session', id: 'sess_1', user_id: 'user_1', status: 'active' },
  client: {
    object: 'client',
    id: 'client_1',
    sessions: [{ object: 'session', id: 'sess_1', status: 'active' }],
  },
  emailAddress: {
    object: 'email_address',
    id: 'idn_1',
    email_address: 'a@x.com',
    verification,
    linked_to: [],
  },
  phoneNumber: { object: 'phone_number', id: 'idn_2', phone_number: '+1555', verification, linked_to: [] },
  allowlist: { object: 'allowlist_identifier', id: 'alid_1', identifier: 'a@x.com' },
  redirectUrl: { object: 'redirect_url', id: 'ru_1', url: 'https://x.example' },
  signInToken: { object: 'sign_in_token', id: 'sit_1', user_id: 'user_1', token: 't' },
  oauthToken: { object: 'oauth_access_token', provider: 'oauth_google', token: 'tok', scopes: ['email'] },
  email: { object: 'email', id: 'ema_1', from_email_name: 'x', subject: 's' },
  sms: { object: 'sms_message', id: 'sms_1', message: 'hi' },
  deleted: { object: 'user', id: 'user_1', deleted: true },
};

type Expected =
  | {
      class: ResourceClass & (abstract new (...args: never) => unknown);
      list?: 'array' | 'page';
      answer: object;
    }
  | { value: unknown; answer: object | string; html?: true };

const one = (
  cls: Expected extends infer E ? (E extends { class: infer C } ? C : never) : never,
  answer: object,
) => ({ class: cls, answer });
const array = (cls: Parameters<typeof one>[0], answer: object) => ({
  class: cls,
  list: 'array' as const,
  answer: [answer],
});
const page = (cls: Parameters<typeof one>[0], answer: object) => ({
  class: cls,
  list: 'page' as const,
  answer: { data: [answer], total_count: 7 },
});
const deleted = one(DeletedObject, json.deleted);

/** Reference bapi-client.md section 6, the "→" column, for each of the 63 0.x methods. */
const expected: Record<string, Expected> = {
  'users.getUserList': array(User, json.user),
  'users.getUser': one(User, json.user),
  'users.createUser': one(User, json.user),
  'users.updateUser': one(User, json.user),
  'users.updateUserProfileImage': one(User, json.user),
  'users.updateUserMetadata': one(User, json.user),
  'users.deleteUser': deleted,
  'users.getCount': { value: 7, answer: { object: 'total_count', total_count: 7 } },
  'users.getUserOauthAccessToken': array(OauthAccessToken, json.oauthToken),
  'users.disableUserMFA': { value: { user_id: 'user_1' }, answer: { user_id: 'user_1' } },
  'users.getOrganizationMembershipList': page(OrganizationMembership, json.membership),
  'users.verifyPassword': { value: { verified: true }, answer: { verified: true } },
  'users.verifyTOTP': {
    value: { verified: true, code_type: 'totp' },
    answer: { verified: true, code_type: 'totp' },
  },
  'allowlistIdentifiers.getAllowlistIdentifierList': array(AllowlistIdentifier, json.allowlist),
  'allowlistIdentifiers.createAllowlistIdentifier': one(AllowlistIdentifier, json.allowlist),
  'allowlistIdentifiers.deleteAllowlistIdentifier': deleted,
  'clients.getClientList': array(Client, json.client),
  'clients.getClient': one(Client, json.client),
  'clients.verifyClient': one(Client, json.client),
  'domains.deleteDomain': deleted,
  'emailAddresses.getEmailAddress': one(EmailAddress, json.emailAddress),
  'emailAddresses.createEmailAddress': one(EmailAddress, json.emailAddress),
  'emailAddresses.updateEmailAddress': one(EmailAddress, json.emailAddress),
  'emailAddresses.deleteEmailAddress': deleted,
  'emails.createEmail': one(Email, json.email),
  'invitations.getInvitationList': array(Invitation, json.invitation),
  'invitations.createInvitation': one(Invitation, json.invitation),
  'invitations.revokeInvitation': one(Invitation, json.invitation),
  'organizations.getOrganizationList': page(Organization, json.organization),
  'organizations.createOrganization': one(Organization, json.organization),
  'organizations.getOrganization': one(Organization, json.organization),
  'organizations.updateOrganization': one(Organization, json.organization),
  'organizations.updateOrganizationLogo': one(Organization, json.organization),
  'organizations.deleteOrganizationLogo': one(Organization, json.organization),
  'organizations.updateOrganizationMetadata': one(Organization, json.organization),
  'organizations.deleteOrganization': deleted,
  'organizations.getOrganizationMembershipList': page(OrganizationMembership, json.membership),
  'organizations.createOrganizationMembership': one(OrganizationMembership, json.membership),
  'organizations.updateOrganizationMembership': one(OrganizationMembership, json.membership),
  'organizations.updateOrganizationMembershipMetadata': one(OrganizationMembership, json.membership),
  'organizations.deleteOrganizationMembership': one(OrganizationMembership, json.membership),
  'organizations.getOrganizationInvitationList': page(OrganizationInvitation, json.orgInvitation),
  'organizations.getPendingOrganizationInvitationList': page(OrganizationInvitation, json.orgInvitation),
  'organizations.createOrganizationInvitation': one(OrganizationInvitation, json.orgInvitation),
  'organizations.getOrganizationInvitation': one(OrganizationInvitation, json.orgInvitation),
  'organizations.revokeOrganizationInvitation': one(OrganizationInvitation, json.orgInvitation),
  'phoneNumbers.getPhoneNumber': one(PhoneNumber, json.phoneNumber),
  'phoneNumbers.createPhoneNumber': one(PhoneNumber, json.phoneNumber),
  'phoneNumbers.updatePhoneNumber': one(PhoneNumber, json.phoneNumber),
  'phoneNumbers.deletePhoneNumber': deleted,
  'redirectUrls.getRedirectUrlList': array(RedirectUrl, json.redirectUrl),
  'redirectUrls.getRedirectUrl': one(RedirectUrl, json.redirectUrl),
  'redirectUrls.createRedirectUrl': one(RedirectUrl, json.redirectUrl),
  'redirectUrls.deleteRedirectUrl': deleted,
  'sessions.getSessionList': array(Session, json.session),
  'sessions.getSession': one(Session, json.session),
  'sessions.revokeSession': one(Session, json.session),
  'sessions.verifySession': one(Session, json.session),
  'sessions.getToken': {
    value: 'header.payload.signature',
    answer: { object: 'token', jwt: 'header.payload.signature' },
  },
  'signInTokens.createSignInToken': one(SignInToken, json.signInToken),
  'signInTokens.revokeSignInToken': one(SignInToken, json.signInToken),
  'smsMessages.createSMSMessage': one(SMSMessage, json.sms),
  'interstitial.getInterstitial': {
    value: '<html>interstitial</html>',
    answer: '<html>interstitial</html>',
    html: true,
  },
};

/** The nested resources each fixture carries, as classes. */
function expectNested(value: unknown): void {
  if (value instanceof User) {
    expect(value.emailAddresses[0]).toBeInstanceOf(EmailAddress);
    expect(value.phoneNumbers[0]).toBeInstanceOf(PhoneNumber);
    expect(value.web3Wallets[0]).toBeInstanceOf(Web3Wallet);
    expect(value.externalAccounts[0]).toBeInstanceOf(ExternalAccount);
    expect(value.externalAccounts[0]!.verification).toBeInstanceOf(Verification);
    expect(value.web3Wallets[0]!.verification).toBeInstanceOf(Verification);
  }
  if (value instanceof EmailAddress || value instanceof PhoneNumber) {
    expect(value.verification).toBeInstanceOf(Verification);
    for (const link of value.linkedTo) expect(link).toBeInstanceOf(IdentificationLink);
  }
  if (value instanceof User) {
    expect(value.emailAddresses[0]!.linkedTo[0]).toBeInstanceOf(IdentificationLink);
    expectNested(value.emailAddresses[0]);
    expectNested(value.phoneNumbers[0]);
  }
  if (value instanceof Client) expect(value.sessions[0]).toBeInstanceOf(Session);
  if (value instanceof OrganizationMembership) {
    expect(value.organization).toBeInstanceOf(Organization);
    expect(value.publicUserData).toBeInstanceOf(OrganizationMembershipPublicUserData);
  }
}

describe('every 0.x method resolves to the 0.x class of its result', () => {
  const labels = [...new Set(zeroXCalls.map(([label]) => label))];

  it('has an expectation for each of the 63 methods', () => {
    expect(labels).toHaveLength(63);
    expect(Object.keys(expected).sort()).toEqual([...labels].sort());
  });

  it.each(labels)('%s', async label => {
    const [, call] = zeroXCalls.find(([name]) => name === label)!;
    const expectation = expected[label]!;
    const answer: Handler =
      'html' in expectation
        ? (_request, response) => {
            response.writeHead(200, { 'content-type': 'text/html' });
            response.end(expectation.answer);
          }
        : answerJson(200, expectation.answer);
    local.current.setHandler(answer);
    const client: BackendApiClient = createBackendApiClient({ secretKey, apiUrl: local.current.url });
    const result = (await call(client)) as { data: unknown; errors: unknown; totalCount?: number };
    expect(result.errors).toBeNull();
    if ('value' in expectation) {
      expect(result.data).toEqual(expectation.value);
      if (typeof result.data === 'object') expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
      return;
    }
    const items = expectation.list ? (result.data as unknown[]) : [result.data];
    expect(items).toHaveLength(1);
    expect(items[0]).toBeInstanceOf(expectation.class);
    expectNested(items[0]);
    if (expectation.list === 'page') expect(result.totalCount).toBe(7);
  });

  it('getUserList({ paginated: true }) gives totalCount in the type and at run time', async () => {
    local.current.setHandler(answerJson(200, { data: [json.user], total_count: 12 }));
    const client = createBackendApiClient({ secretKey, apiUrl: local.current.url });
    const { data: users, totalCount } = await client.users.getUserList({ paginated: true, limit: 1 });
    const count: number | undefined = totalCount;
    expect(count).toBe(12);
    expect(users?.[0]).toBeInstanceOf(User);
    expect(local.current.requests[0]!.query).toEqual([
      ['paginated', 'true'],
      ['limit', '1'],
    ]);
  });

  it('revokeInvitation keeps the 0.x fields, revoked included', async () => {
    local.current.setHandler(answerJson(200, json.invitation));
    const client = createBackendApiClient({ secretKey, apiUrl: local.current.url });
    const { data } = await client.invitations.revokeInvitation('inv_1');
    expect(data).toBeInstanceOf(Invitation);
    expect(data).toMatchObject({ id: 'inv_1', emailAddress: 'a@x.com', status: 'revoked', revoked: true });
  });
});

describe('every generated operation whose response is a known resource', () => {
  const model = buildModel(loadSpecs());
  const classes = resources as unknown as Record<string, ResourceClass & (new (json: object) => object)>;
  const withResource = model.operations.filter((op: any) => op.response.resource);

  it('covers most of the operations, the machine groups included', () => {
    expect(withResource.length).toBeGreaterThan(200);
    const groups = new Set(withResource.map((op: any) => op.group));
    for (const group of [
      'm2m',
      'apiKeys',
      'oauthAccessTokens',
      'machines',
      'jwtTemplates',
      'directories',
      'billing',
    ])
      expect(groups, group).toContain(group);
  });

  it('resolves to that class, camelCased, for a single item, a bare list and a page', async () => {
    const request = createRequestFunction({ secretKey, apiUrl: local.current.url, retries: 0 });
    const wrong: string[] = [];
    for (const op of withResource as any[]) {
      const names: string[] = [op.response.resource].flat();
      const cls = classes[names[0]!]!;
      const type = cls.objectTypes?.[0];
      // a snake_case key of the class (one with an underscore where it has one) carries a marker value
      const keys = Object.keys(
        (model.classes as Record<string, { properties: object }>)[names[0]!]!.properties,
      ).filter(key => key !== 'object');
      const key = keys.find(name => name.includes('_')) ?? keys[0]!;
      const item = { ...(type ? { object: type } : {}), [key]: 'marker' };
      const isList = op.response.tsType.endsWith('[]');
      const answer = isList
        ? op.response.listKey
          ? { [op.response.listKey]: [item], total_count: 3 }
          : { data: [item], total_count: 3 }
        : item;
      local.current.setHandler(answerJson(200, answer));
      const descriptor = (operations as unknown as Record<string, Operation<unknown>>)[op.constName]!;
      const params = op.pathParams.map(() => 'id_1');
      const result = await request(descriptor, params, op.body ? {} : undefined);
      const value = (isList ? (result.data as unknown[])?.[0] : result.data) as Record<string, unknown>;
      const field = (fieldRules as Record<string, { rename?: Record<string, string> }>)[names[0]!]?.rename?.[
        key
      ];
      const ok =
        result.errors === null &&
        value instanceof cls &&
        value[field ?? camelCase(key)] === 'marker' &&
        (!key.includes('_') || !(key in value)) &&
        (!isList || result.totalCount === 3);
      if (!ok) wrong.push(`${op.group}.${op.methodName}`);
    }
    expect(wrong).toEqual([]);
  });

  it('m2m.getM2MTokens: M2MToken items, camelCased, with totalCount', async () => {
    local.current.setHandler(
      answerJson(200, {
        m2m_tokens: [
          {
            object: 'machine_to_machine_token',
            id: 'mt_1',
            subject: 'mch_1',
            scopes: ['mch_2'],
            claims: { tier: 'gold' },
            revoked: false,
            revocation_reason: null,
            expired: false,
            expiration: 1700000600000,
            last_used_at: null,
            created_at: 1700000000000,
            updated_at: 1700000000000,
          },
        ],
        total_count: 1,
      }),
    );
    const client = createBackendApiClient({ secretKey, apiUrl: local.current.url });
    const result = await client.m2m.getM2MTokens({ subject: 'mch_1' });
    expect(result.totalCount).toBe(1);
    expect(result.data![0]).toBeInstanceOf(M2MToken);
    expect(result.data![0]).toMatchObject({
      id: 'mt_1',
      subject: 'mch_1',
      scopes: ['mch_2'],
      claims: { tier: 'gold' },
      revocationReason: null,
      expiration: 1700000600000,
      createdAt: 1700000000000,
    });
  });

  it('apiKeys, oauthAccessTokens and machines answer APIKey, IdPOAuthAccessToken and Machine (current-clerk.md 5.3)', async () => {
    const client = createBackendApiClient({ secretKey, apiUrl: local.current.url });
    const apiKey = {
      object: 'api_key',
      id: 'ak_1',
      type: 'api_key',
      subject: 'user_1',
      name: 'ci',
      description: null,
      claims: null,
      scopes: [],
      revoked: false,
      revocation_reason: null,
      expired: false,
      expiration: null,
      created_by: 'user_1',
      last_used_at: 1700000000000,
      created_at: 1700000000000,
      updated_at: 1700000000000,
    };
    local.current.setHandler(answerJson(200, { data: [apiKey], total_count: 1 }));
    const keys = await client.apiKeys.getApiKeys({ subject: 'user_1' });
    expect(keys.totalCount).toBe(1);
    expect(keys.data![0]).toBeInstanceOf(APIKey);
    expect(keys.data![0]).toMatchObject({
      createdBy: 'user_1',
      lastUsedAt: 1700000000000,
      revocationReason: null,
    });

    local.current.setHandler(
      answerJson(200, {
        object: 'clerk_idp_oauth_access_token',
        id: 'oat_1',
        client_id: 'c_1',
        subject: 'user_1',
        scopes: ['email'],
      }),
    );
    const verified = await client.oauthAccessTokens.verifyOAuthAccessToken({ accessToken: 'oat_x' });
    expect(verified.data).toBeInstanceOf(IdPOAuthAccessToken);
    expect(verified.data).toMatchObject({ clientId: 'c_1', subject: 'user_1' });

    // the other answer of that operation is not a token and stays as sent
    local.current.setHandler(answerJson(200, { active: false }));
    const inactive = await client.oauthAccessTokens.verifyOAuthAccessToken({ accessToken: 'oat_x' });
    expect(inactive.data).toEqual({ active: false });
    expect(inactive.data).not.toBeInstanceOf(IdPOAuthAccessToken);

    local.current.setHandler(
      answerJson(200, { object: 'machine', id: 'mch_1', name: 'worker', secret_key: 'msk_1' }),
    );
    const machine = await client.machines.createMachine({ name: 'worker' });
    expect(machine.data).toBeInstanceOf(Machine);
    expect(machine.data).toMatchObject({ name: 'worker', secretKey: 'msk_1' });
  });
});

describe('failed results, as 0.x reported them', () => {
  it('give every Backend API error entry a meta object, {} when it has none', async () => {
    local.current.setHandler(
      answerJson(400, {
        errors: [
          { code: 'a', message: 'x' },
          { code: 'b', message: 'y', meta: { param_name: 'p' } },
        ],
      }),
    );
    const client = createBackendApiClient({ secretKey, apiUrl: local.current.url });
    const result = await client.users.getUser('user_1');
    expect(result.errors).toEqual([
      { code: 'a', message: 'x', meta: {} },
      { code: 'b', message: 'y', meta: { paramName: 'p' } },
    ]);
  });

  it("have clerkTraceId '' when the response carries none (a 500 with a text body, a refused connection)", async () => {
    local.current.setHandler((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('boom');
    });
    const client = createBackendApiClient({ secretKey, apiUrl: local.current.url, retries: 0 });
    const failed = await client.users.getUser('user_1');
    expect(failed.status).toBe(500);
    expect(failed.clerkTraceId).toBe('');

    const refused = await createBackendApiClient({
      secretKey,
      apiUrl: 'http://127.0.0.1:9',
      retries: 0,
    }).users.getUser('user_1');
    expect(refused.errors?.[0]?.code).toBe('network_error');
    expect(refused.clerkTraceId).toBe('');
  });
});
