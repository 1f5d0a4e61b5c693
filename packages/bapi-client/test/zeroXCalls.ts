// Every 0.x method with the arguments a 0.x caller passes, and what 0.38.15 sent for them (method, path,
// query, body), from the reference tables of ../shared/reference/bapi-client.md (section 6).
import type { BackendApiClient } from '../src/index';

export type Wire = {
  method: string;
  path: string;
  query?: Array<[string, string]>;
  /** Exact JSON text, or undefined for no body. */
  body?: string;
  multipart?: Record<string, string>;
};

export type ZeroXCall = [label: string, call: (client: BackendApiClient) => Promise<unknown>, wire: Wire];

const user = 'user_1';
const org = 'org_1';
const json = (value: unknown) => JSON.stringify(value);

export const zeroXCalls: ZeroXCall[] = [
  // users
  [
    'users.getUserList',
    c =>
      c.users.getUserList({
        emailAddress: ['a@x.com', 'b@x.com'],
        phoneNumber: ['+15555550100'],
        username: ['alice'],
        web3Wallet: ['0xabc'],
        userId: ['user_1', 'user_2'],
        externalId: ['ext_1'],
        query: 'ali',
        limit: 10,
        offset: 0,
        orderBy: '-created_at',
      }),
    {
      method: 'GET',
      path: '/v1/users',
      query: [
        ['email_address', 'a@x.com'],
        ['email_address', 'b@x.com'],
        ['phone_number', '+15555550100'],
        ['username', 'alice'],
        ['web3_wallet', '0xabc'],
        ['user_id', 'user_1'],
        ['user_id', 'user_2'],
        ['external_id', 'ext_1'],
        ['query', 'ali'],
        ['limit', '10'],
        ['order_by', '-created_at'],
      ],
    },
  ],
  ['users.getUserList', c => c.users.getUserList(), { method: 'GET', path: '/v1/users' }],
  [
    'users.getUserList',
    c => c.users.getUserList({ lastActiveAtSince: 1700000000000, banned: false }),
    { method: 'GET', path: '/v1/users', query: [['last_active_at_since', '1700000000000']] },
  ],
  ['users.getUser', c => c.users.getUser(user), { method: 'GET', path: '/v1/users/user_1' }],
  [
    'users.createUser',
    c =>
      c.users.createUser({
        externalId: 'ext_1',
        emailAddress: ['a@x.com'],
        phoneNumber: ['+15555550100'],
        username: 'alice',
        password: 'pw',
        firstName: 'Alice',
        lastName: 'Liddell',
        skipPasswordChecks: true,
        skipPasswordRequirement: false,
        totpSecret: 'SECRET',
        backupCodes: ['c1'],
        createdAt: new Date(0),
        publicMetadata: { someKey: { nestedKey: 1 } },
        privateMetadata: { snake_key: true },
        unsafeMetadata: {},
        passwordDigest: '$2a$10$abc',
        passwordHasher: 'bcrypt',
      }),
    {
      method: 'POST',
      path: '/v1/users',
      body: json({
        external_id: 'ext_1',
        email_address: ['a@x.com'],
        phone_number: ['+15555550100'],
        username: 'alice',
        password: 'pw',
        first_name: 'Alice',
        last_name: 'Liddell',
        skip_password_checks: true,
        skip_password_requirement: false,
        totp_secret: 'SECRET',
        backup_codes: ['c1'],
        created_at: '1970-01-01T00:00:00.000Z',
        public_metadata: { someKey: { nestedKey: 1 } },
        private_metadata: { snake_key: true },
        unsafe_metadata: {},
        password_digest: '$2a$10$abc',
        password_hasher: 'bcrypt',
      }),
    },
  ],
  [
    'users.updateUser',
    c =>
      c.users.updateUser(user, {
        firstName: 'A',
        lastName: null as unknown as string,
        middleName: undefined,
        primaryEmailAddressID: 'idn_1',
        primaryPhoneNumberID: 'idn_2',
        primaryWeb3WalletID: 'idn_3',
        profileImageID: 'img_1',
        signOutOfOtherSessions: true,
        createOrganizationEnabled: false,
        publicMetadata: { someKey: { nestedKey: 1 } },
      } as Parameters<BackendApiClient['users']['updateUser']>[1]),
    {
      method: 'PATCH',
      path: '/v1/users/user_1',
      body: json({
        first_name: 'A',
        last_name: null,
        primary_email_address_id: 'idn_1',
        primary_phone_number_id: 'idn_2',
        primary_web3_wallet_id: 'idn_3',
        profile_image_id: 'img_1',
        sign_out_of_other_sessions: true,
        create_organization_enabled: false,
        public_metadata: { someKey: { nestedKey: 1 } },
      }),
    },
  ],
  ['users.updateUser', c => c.users.updateUser(user), { method: 'PATCH', path: '/v1/users/user_1' }],
  [
    'users.updateUserProfileImage',
    c => c.users.updateUserProfileImage(user, { file: new Blob(['png-bytes'], { type: 'image/png' }) }),
    { method: 'POST', path: '/v1/users/user_1/profile_image', multipart: { file: 'blob:png-bytes' } },
  ],
  [
    'users.updateUserMetadata',
    c =>
      c.users.updateUserMetadata(user, {
        publicMetadata: { a: 1 },
        privateMetadata: { b: { c_d: 2 } },
        unsafeMetadata: { camelCase: 'kept' },
      }),
    {
      method: 'PATCH',
      path: '/v1/users/user_1/metadata',
      body: json({
        public_metadata: { a: 1 },
        private_metadata: { b: { c_d: 2 } },
        unsafe_metadata: { camelCase: 'kept' },
      }),
    },
  ],
  ['users.deleteUser', c => c.users.deleteUser(user), { method: 'DELETE', path: '/v1/users/user_1' }],
  [
    'users.getCount',
    c => c.users.getCount({ query: 'x', limit: 0, emailAddress: ['a@x.com'] }),
    {
      method: 'GET',
      path: '/v1/users/count',
      query: [
        ['query', 'x'],
        ['email_address', 'a@x.com'],
      ],
    },
  ],
  [
    'users.getUserOauthAccessToken',
    c => c.users.getUserOauthAccessToken(user, 'oauth_google'),
    { method: 'GET', path: '/v1/users/user_1/oauth_access_tokens/oauth_google' },
  ],
  [
    'users.disableUserMFA',
    c => c.users.disableUserMFA(user),
    { method: 'DELETE', path: '/v1/users/user_1/mfa' },
  ],
  [
    'users.getOrganizationMembershipList',
    c => c.users.getOrganizationMembershipList({ userId: user, limit: 5, offset: 10 }),
    {
      method: 'GET',
      path: '/v1/users/user_1/organization_memberships',
      query: [
        ['limit', '5'],
        ['offset', '10'],
      ],
    },
  ],
  [
    'users.verifyPassword',
    c => c.users.verifyPassword({ userId: user, password: 'pw' }),
    { method: 'POST', path: '/v1/users/user_1/verify_password', body: json({ password: 'pw' }) },
  ],
  [
    'users.verifyTOTP',
    c => c.users.verifyTOTP({ userId: user, code: '123456' }),
    { method: 'POST', path: '/v1/users/user_1/verify_totp', body: json({ code: '123456' }) },
  ],
  // allowlistIdentifiers
  [
    'allowlistIdentifiers.getAllowlistIdentifierList',
    c => c.allowlistIdentifiers.getAllowlistIdentifierList(),
    { method: 'GET', path: '/v1/allowlist_identifiers' },
  ],
  [
    'allowlistIdentifiers.createAllowlistIdentifier',
    c => c.allowlistIdentifiers.createAllowlistIdentifier({ identifier: 'a@x.com', notify: false }),
    {
      method: 'POST',
      path: '/v1/allowlist_identifiers',
      body: json({ identifier: 'a@x.com', notify: false }),
    },
  ],
  [
    'allowlistIdentifiers.deleteAllowlistIdentifier',
    c => c.allowlistIdentifiers.deleteAllowlistIdentifier('alid_1'),
    { method: 'DELETE', path: '/v1/allowlist_identifiers/alid_1' },
  ],
  // clients
  ['clients.getClientList', c => c.clients.getClientList(), { method: 'GET', path: '/v1/clients' }],
  [
    'clients.getClient',
    c => c.clients.getClient('client_1'),
    { method: 'GET', path: '/v1/clients/client_1' },
  ],
  [
    'clients.verifyClient',
    c => c.clients.verifyClient('client-token'),
    { method: 'POST', path: '/v1/clients/verify', body: json({ token: 'client-token' }) },
  ],
  // domains
  [
    'domains.deleteDomain',
    c => c.domains.deleteDomain('dmn_1'),
    { method: 'DELETE', path: '/v1/domains/dmn_1' },
  ],
  // emailAddresses
  [
    'emailAddresses.getEmailAddress',
    c => c.emailAddresses.getEmailAddress('idn_1'),
    { method: 'GET', path: '/v1/email_addresses/idn_1' },
  ],
  [
    'emailAddresses.createEmailAddress',
    c =>
      c.emailAddresses.createEmailAddress({
        userId: user,
        emailAddress: 'a@x.com',
        verified: true,
        primary: false,
      }),
    {
      method: 'POST',
      path: '/v1/email_addresses',
      body: json({ user_id: user, email_address: 'a@x.com', verified: true, primary: false }),
    },
  ],
  [
    'emailAddresses.updateEmailAddress',
    c => c.emailAddresses.updateEmailAddress('idn_1', { verified: true }),
    { method: 'PATCH', path: '/v1/email_addresses/idn_1', body: json({ verified: true }) },
  ],
  [
    'emailAddresses.updateEmailAddress',
    c => c.emailAddresses.updateEmailAddress('idn_1'),
    { method: 'PATCH', path: '/v1/email_addresses/idn_1' },
  ],
  [
    'emailAddresses.deleteEmailAddress',
    c => c.emailAddresses.deleteEmailAddress('idn_1'),
    { method: 'DELETE', path: '/v1/email_addresses/idn_1' },
  ],
  // emails
  [
    'emails.createEmail',
    c =>
      c.emails.createEmail({
        fromEmailName: 'support',
        emailAddressId: 'idn_1',
        subject: 'Hi',
        body: 'Hello',
      }),
    {
      method: 'POST',
      path: '/v1/emails',
      body: json({ from_email_name: 'support', email_address_id: 'idn_1', subject: 'Hi', body: 'Hello' }),
    },
  ],
  // interstitial
  [
    'interstitial.getInterstitial',
    c => c.interstitial.getInterstitial(),
    { method: 'GET', path: '/v1/internal/interstitial' },
  ],
  // invitations
  [
    'invitations.getInvitationList',
    c => c.invitations.getInvitationList({ status: 'pending' }),
    { method: 'GET', path: '/v1/invitations', query: [['status', 'pending']] },
  ],
  [
    'invitations.createInvitation',
    c =>
      c.invitations.createInvitation({
        emailAddress: 'a@x.com',
        redirectUrl: 'https://app.example.com/welcome',
        publicMetadata: { plan: { tier: 'pro' } },
        notify: true,
        ignoreExisting: true,
      }),
    {
      method: 'POST',
      path: '/v1/invitations',
      body: json({
        email_address: 'a@x.com',
        redirect_url: 'https://app.example.com/welcome',
        public_metadata: { plan: { tier: 'pro' } },
        notify: true,
        ignore_existing: true,
      }),
    },
  ],
  [
    'invitations.revokeInvitation',
    c => c.invitations.revokeInvitation('inv_1'),
    { method: 'POST', path: '/v1/invitations/inv_1/revoke' },
  ],
  // organizations
  [
    'organizations.getOrganizationList',
    c =>
      c.organizations.getOrganizationList({
        limit: 20,
        offset: 0,
        includeMembersCount: false,
        query: 'acme',
      }),
    {
      method: 'GET',
      path: '/v1/organizations',
      query: [
        ['limit', '20'],
        ['query', 'acme'],
      ],
    },
  ],
  [
    'organizations.getOrganizationList',
    c => c.organizations.getOrganizationList({ includeMembersCount: true }),
    { method: 'GET', path: '/v1/organizations', query: [['include_members_count', 'true']] },
  ],
  [
    'organizations.createOrganization',
    c =>
      c.organizations.createOrganization({
        name: 'Acme',
        slug: 'acme',
        createdBy: user,
        maxAllowedMemberships: 5,
        publicMetadata: { a: 1 },
        privateMetadata: { b: 2 },
      }),
    {
      method: 'POST',
      path: '/v1/organizations',
      body: json({
        name: 'Acme',
        slug: 'acme',
        created_by: user,
        max_allowed_memberships: 5,
        public_metadata: { a: 1 },
        private_metadata: { b: 2 },
      }),
    },
  ],
  [
    'organizations.getOrganization',
    c => c.organizations.getOrganization({ organizationId: org }),
    { method: 'GET', path: '/v1/organizations/org_1' },
  ],
  [
    'organizations.getOrganization',
    c => c.organizations.getOrganization({ slug: 'acme' }),
    { method: 'GET', path: '/v1/organizations/acme' },
  ],
  [
    'organizations.updateOrganization',
    c => c.organizations.updateOrganization(org, { name: 'Acme 2', maxAllowedMemberships: 10 }),
    {
      method: 'PATCH',
      path: '/v1/organizations/org_1',
      body: json({ name: 'Acme 2', max_allowed_memberships: 10 }),
    },
  ],
  [
    'organizations.updateOrganizationLogo',
    c =>
      c.organizations.updateOrganizationLogo(org, {
        file: new File(['logo-bytes'], 'logo.png', { type: 'image/png' }),
        uploaderUserId: user,
      }),
    {
      method: 'PUT',
      path: '/v1/organizations/org_1/logo',
      multipart: { file: 'logo.png:logo-bytes', uploader_user_id: user },
    },
  ],
  [
    'organizations.deleteOrganizationLogo',
    c => c.organizations.deleteOrganizationLogo(org),
    { method: 'DELETE', path: '/v1/organizations/org_1/logo' },
  ],
  [
    'organizations.updateOrganizationMetadata',
    c =>
      c.organizations.updateOrganizationMetadata(org, {
        publicMetadata: { x: { y_z: 1 } },
        privateMetadata: {},
      }),
    {
      method: 'PATCH',
      path: '/v1/organizations/org_1/metadata',
      body: json({ public_metadata: { x: { y_z: 1 } }, private_metadata: {} }),
    },
  ],
  [
    'organizations.deleteOrganization',
    c => c.organizations.deleteOrganization(org),
    { method: 'DELETE', path: '/v1/organizations/org_1' },
  ],
  [
    'organizations.getOrganizationMembershipList',
    c => c.organizations.getOrganizationMembershipList({ organizationId: org, limit: 3, offset: 6 }),
    {
      method: 'GET',
      path: '/v1/organizations/org_1/memberships',
      query: [
        ['limit', '3'],
        ['offset', '6'],
      ],
    },
  ],
  [
    'organizations.createOrganizationMembership',
    c =>
      c.organizations.createOrganizationMembership({
        organizationId: org,
        userId: user,
        role: 'basic_member',
      }),
    {
      method: 'POST',
      path: '/v1/organizations/org_1/memberships',
      body: json({ user_id: user, role: 'basic_member' }),
    },
  ],
  [
    'organizations.updateOrganizationMembership',
    c => c.organizations.updateOrganizationMembership({ organizationId: org, userId: user, role: 'admin' }),
    { method: 'PATCH', path: '/v1/organizations/org_1/memberships/user_1', body: json({ role: 'admin' }) },
  ],
  [
    'organizations.updateOrganizationMembershipMetadata',
    c => c.organizations.updateOrganizationMembershipMetadata({ organizationId: org, userId: user }),
    { method: 'PATCH', path: '/v1/organizations/org_1/memberships/user_1/metadata', body: '{}' },
  ],
  [
    'organizations.updateOrganizationMembershipMetadata',
    c =>
      c.organizations.updateOrganizationMembershipMetadata({
        organizationId: org,
        userId: user,
        publicMetadata: { a: 1 },
        privateMetadata: { b: 2 },
      }),
    {
      method: 'PATCH',
      path: '/v1/organizations/org_1/memberships/user_1/metadata',
      body: json({ public_metadata: { a: 1 }, private_metadata: { b: 2 } }),
    },
  ],
  [
    'organizations.deleteOrganizationMembership',
    c => c.organizations.deleteOrganizationMembership({ organizationId: org, userId: user }),
    { method: 'DELETE', path: '/v1/organizations/org_1/memberships/user_1' },
  ],
  [
    'organizations.getOrganizationInvitationList',
    c =>
      c.organizations.getOrganizationInvitationList({
        organizationId: org,
        status: ['pending', 'accepted'],
        limit: 2,
        offset: 4,
      }),
    {
      method: 'GET',
      path: '/v1/organizations/org_1/invitations',
      query: [
        ['status', 'pending'],
        ['status', 'accepted'],
        ['limit', '2'],
        ['offset', '4'],
      ],
    },
  ],
  [
    'organizations.getOrganizationInvitationList',
    c => c.organizations.getOrganizationInvitationList({ organizationId: org, status: ['revoked'] }),
    { method: 'GET', path: '/v1/organizations/org_1/invitations', query: [['status', 'revoked']] },
  ],
  [
    'organizations.getPendingOrganizationInvitationList',
    c => c.organizations.getPendingOrganizationInvitationList({ organizationId: org, limit: 1 }),
    { method: 'GET', path: '/v1/organizations/org_1/invitations/pending', query: [['limit', '1']] },
  ],
  [
    'organizations.createOrganizationInvitation',
    c =>
      c.organizations.createOrganizationInvitation({
        organizationId: org,
        inviterUserId: user,
        emailAddress: 'b@x.com',
        role: 'basic_member',
        redirectUrl: 'https://app.example.com/join',
        publicMetadata: { k: 'v' },
      }),
    {
      method: 'POST',
      path: '/v1/organizations/org_1/invitations',
      body: json({
        inviter_user_id: user,
        email_address: 'b@x.com',
        role: 'basic_member',
        redirect_url: 'https://app.example.com/join',
        public_metadata: { k: 'v' },
      }),
    },
  ],
  [
    'organizations.getOrganizationInvitation',
    c => c.organizations.getOrganizationInvitation({ organizationId: org, invitationId: 'orginv_1' }),
    { method: 'GET', path: '/v1/organizations/org_1/invitations/orginv_1' },
  ],
  [
    'organizations.revokeOrganizationInvitation',
    c =>
      c.organizations.revokeOrganizationInvitation({
        organizationId: org,
        invitationId: 'orginv_1',
        requestingUserId: user,
      }),
    {
      method: 'POST',
      path: '/v1/organizations/org_1/invitations/orginv_1/revoke',
      body: json({ requesting_user_id: user }),
    },
  ],
  // phoneNumbers
  [
    'phoneNumbers.getPhoneNumber',
    c => c.phoneNumbers.getPhoneNumber('idn_9'),
    { method: 'GET', path: '/v1/phone_numbers/idn_9' },
  ],
  [
    'phoneNumbers.createPhoneNumber',
    c => c.phoneNumbers.createPhoneNumber({ userId: user, phoneNumber: '+15555550100', primary: true }),
    {
      method: 'POST',
      path: '/v1/phone_numbers',
      body: json({ user_id: user, phone_number: '+15555550100', primary: true }),
    },
  ],
  [
    'phoneNumbers.updatePhoneNumber',
    c => c.phoneNumbers.updatePhoneNumber('idn_9', { verified: false, primary: true }),
    { method: 'PATCH', path: '/v1/phone_numbers/idn_9', body: json({ verified: false, primary: true }) },
  ],
  [
    'phoneNumbers.deletePhoneNumber',
    c => c.phoneNumbers.deletePhoneNumber('idn_9'),
    { method: 'DELETE', path: '/v1/phone_numbers/idn_9' },
  ],
  // redirectUrls
  [
    'redirectUrls.getRedirectUrlList',
    c => c.redirectUrls.getRedirectUrlList(),
    { method: 'GET', path: '/v1/redirect_urls' },
  ],
  [
    'redirectUrls.getRedirectUrl',
    c => c.redirectUrls.getRedirectUrl('ru_1'),
    { method: 'GET', path: '/v1/redirect_urls/ru_1' },
  ],
  [
    'redirectUrls.createRedirectUrl',
    c => c.redirectUrls.createRedirectUrl({ url: 'https://app.example.com/cb' }),
    { method: 'POST', path: '/v1/redirect_urls', body: json({ url: 'https://app.example.com/cb' }) },
  ],
  [
    'redirectUrls.deleteRedirectUrl',
    c => c.redirectUrls.deleteRedirectUrl('ru_1'),
    { method: 'DELETE', path: '/v1/redirect_urls/ru_1' },
  ],
  // sessions
  [
    'sessions.getSessionList',
    c => c.sessions.getSessionList({ clientId: 'client_1', userId: user, status: 'active' }),
    {
      method: 'GET',
      path: '/v1/sessions',
      query: [
        ['client_id', 'client_1'],
        ['user_id', user],
        ['status', 'active'],
      ],
    },
  ],
  [
    'sessions.getSession',
    c => c.sessions.getSession('sess_1'),
    { method: 'GET', path: '/v1/sessions/sess_1' },
  ],
  [
    'sessions.revokeSession',
    c => c.sessions.revokeSession('sess_1'),
    { method: 'POST', path: '/v1/sessions/sess_1/revoke' },
  ],
  [
    'sessions.verifySession',
    c => c.sessions.verifySession('sess_1', 'session-jwt'),
    { method: 'POST', path: '/v1/sessions/sess_1/verify', body: json({ token: 'session-jwt' }) },
  ],
  [
    'sessions.getToken',
    c => c.sessions.getToken('sess_1', 'supabase'),
    { method: 'POST', path: '/v1/sessions/sess_1/tokens/supabase' },
  ],
  [
    'sessions.getToken',
    c => c.sessions.getToken('sess_1', ''),
    { method: 'POST', path: '/v1/sessions/sess_1/tokens' },
  ],
  // signInTokens
  [
    'signInTokens.createSignInToken',
    c => c.signInTokens.createSignInToken({ userId: user, expiresInSeconds: 3600 }),
    { method: 'POST', path: '/v1/sign_in_tokens', body: json({ user_id: user, expires_in_seconds: 3600 }) },
  ],
  [
    'signInTokens.revokeSignInToken',
    c => c.signInTokens.revokeSignInToken('sit_1'),
    { method: 'POST', path: '/v1/sign_in_tokens/sit_1/revoke' },
  ],
  // smsMessages
  [
    'smsMessages.createSMSMessage',
    c => c.smsMessages.createSMSMessage({ phoneNumberId: 'idn_9', message: 'Your code is 1234' }),
    {
      method: 'POST',
      path: '/v1/sms_messages',
      body: json({ phone_number_id: 'idn_9', message: 'Your code is 1234' }),
    },
  ],
];
