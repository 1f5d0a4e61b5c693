// Inputs to the generator that the spec cannot supply: the 0.x names and quirks that @clerk/backend 0.38.15
// users depend on (see ../../shared/reference/bapi-client.md, sections 4 to 7).

/** 0.x group -> { 0.x method -> operationId }; a generated method with the same name is left to the 0.x one. */
export const zeroXMethods = {
  users: {
    getUserList: 'GetUserList',
    getUser: 'GetUser',
    createUser: 'CreateUser',
    updateUser: 'UpdateUser',
    updateUserProfileImage: 'SetUserProfileImage',
    updateUserMetadata: 'UpdateUserMetadata',
    deleteUser: 'DeleteUser',
    getCount: 'GetUsersCount',
    getUserOauthAccessToken: 'GetOAuthAccessToken',
    disableUserMFA: 'DisableMFA',
    getOrganizationMembershipList: 'UsersGetOrganizationMemberships',
    verifyPassword: 'VerifyPassword',
    verifyTOTP: 'VerifyTOTP',
  },
  allowlistIdentifiers: {
    getAllowlistIdentifierList: 'ListAllowlistIdentifiers',
    createAllowlistIdentifier: 'CreateAllowlistIdentifier',
    deleteAllowlistIdentifier: 'DeleteAllowlistIdentifier',
  },
  clients: { getClientList: 'GetClientList', getClient: 'GetClient', verifyClient: 'VerifyClient' },
  domains: { deleteDomain: 'DeleteDomain' },
  emailAddresses: {
    getEmailAddress: 'GetEmailAddress',
    createEmailAddress: 'CreateEmailAddress',
    updateEmailAddress: 'UpdateEmailAddress',
    deleteEmailAddress: 'DeleteEmailAddress',
  },
  emails: { createEmail: null },
  interstitial: { getInterstitial: null },
  invitations: {
    getInvitationList: 'ListInvitations',
    createInvitation: 'CreateInvitation',
    revokeInvitation: 'RevokeInvitation',
  },
  organizations: {
    getOrganizationList: 'ListOrganizations',
    createOrganization: 'CreateOrganization',
    getOrganization: 'GetOrganization',
    updateOrganization: 'UpdateOrganization',
    updateOrganizationLogo: 'UploadOrganizationLogo',
    deleteOrganizationLogo: 'DeleteOrganizationLogo',
    updateOrganizationMetadata: 'MergeOrganizationMetadata',
    deleteOrganization: 'DeleteOrganization',
    getOrganizationMembershipList: 'ListOrganizationMemberships',
    createOrganizationMembership: 'CreateOrganizationMembership',
    updateOrganizationMembership: 'UpdateOrganizationMembership',
    updateOrganizationMembershipMetadata: 'UpdateOrganizationMembershipMetadata',
    deleteOrganizationMembership: 'DeleteOrganizationMembership',
    getOrganizationInvitationList: 'ListOrganizationInvitations',
    getPendingOrganizationInvitationList: 'ListPendingOrganizationInvitations',
    createOrganizationInvitation: 'CreateOrganizationInvitation',
    getOrganizationInvitation: 'GetOrganizationInvitation',
    revokeOrganizationInvitation: 'RevokeOrganizationInvitation',
  },
  phoneNumbers: {
    getPhoneNumber: 'GetPhoneNumber',
    createPhoneNumber: 'CreatePhoneNumber',
    updatePhoneNumber: 'UpdatePhoneNumber',
    deletePhoneNumber: 'DeletePhoneNumber',
  },
  redirectUrls: {
    getRedirectUrlList: 'ListRedirectURLs',
    getRedirectUrl: 'GetRedirectURL',
    createRedirectUrl: 'CreateRedirectURL',
    deleteRedirectUrl: 'DeleteRedirectURL',
  },
  sessions: {
    getSessionList: 'GetSessionList',
    getSession: 'GetSession',
    revokeSession: 'RevokeSession',
    verifySession: 'VerifySession',
    getToken: 'CreateSessionTokenFromTemplate',
  },
  signInTokens: { createSignInToken: 'CreateSignInToken', revokeSignInToken: 'RevokeSignInToken' },
  smsMessages: { createSMSMessage: null },
};

/** Where the spec's own group names are inconsistent or missing. */
export const groupOverrides = {
  UpsertTemplate: 'templates',
  PreviewTemplate: 'templates',
  GetTemplateList: 'templates',
  GetTemplate: 'templates',
  RevertTemplate: 'templates',
  ToggleTemplateDelivery: 'templates',
  InstanceGetOrganizationMemberships: 'organizationMemberships',
  ChangeProductionInstanceDomain: 'betaFeatures',
  GetPublicInterstitial: 'publicInterstitial',
};

/** Spec schema name -> resource class name, where 0.x used another name. */
export const classNames = {
  ExternalAccountWithVerification: 'ExternalAccount',
  RedirectURL: 'RedirectUrl',
  OAuthAccessToken: 'OauthAccessToken',
  MachineWithoutScopedMachines: 'Machine',
  OrganizationInvitationWithPublicOrganizationData: 'OrganizationInvitation',
};

/** Every `verification_*` schema is one 0.x `Verification` class. */
export const verificationSchemaPattern = /^verification_/;

/** Resources 0.x had that no spec describes (their endpoints are gone): same form as a spec schema. */
export const extraResources = {
  Email: {
    type: 'object',
    properties: {
      object: { type: 'string', enum: ['email'] },
      id: { type: 'string' },
      from_email_name: { type: 'string' },
      email_address_id: { type: 'string', nullable: true },
      to_email_address: { type: 'string' },
      subject: { type: 'string' },
      body: { type: 'string' },
      body_plain: { type: 'string', nullable: true },
      status: { type: 'string' },
      slug: { type: 'string', nullable: true },
      data: { type: 'object', additionalProperties: true, nullable: true },
      delivered_by_clerk: { type: 'boolean' },
    },
  },
  SMSMessage: {
    type: 'object',
    properties: {
      object: { type: 'string', enum: ['sms_message'] },
      id: { type: 'string' },
      from_phone_number: { type: 'string' },
      to_phone_number: { type: 'string' },
      phone_number_id: { type: 'string', nullable: true },
      message: { type: 'string' },
      status: { type: 'string' },
      data: { type: 'object', additionalProperties: true, nullable: true },
    },
  },
};

/** 0.x fields the 2021-02-05 spec no longer lists, so their names keep working. */
export const extraFields = {
  User: { gender: { type: 'string' }, birthday: { type: 'string' } },
  OauthAccessToken: { scopes: { type: 'array', items: { type: 'string' } } },
  // the current SDK's IdPOAuthAccessToken has `type` (current-clerk.md 5.3); the spec's inline schema lacks it
  IdPOAuthAccessToken: { type: { type: 'string', description: 'The token type.' } },
};

/**
 * Per-class field rules from 0.x.
 * rename: json key -> field name; deprecated: field is a warning accessor (per instance, not enumerable);
 * emptyObjectWhenMissing: `{}` when the key is absent; url: parsed leniently into URL or null;
 * nullWhenMissing / nullWhenEmpty: as named.
 */
export const fieldRules = {
  Verification: {
    rename: { external_verification_redirect_url: 'externalVerificationRedirectURL' },
    url: ['external_verification_redirect_url'],
    nullWhenMissing: ['attempts', 'expire_at', 'nonce'],
  },
  ExternalAccount: {
    rename: { provider_user_id: 'externalId', avatar_url: 'picture' },
    deprecated: { avatar_url: 'Use `imageUrl` instead.' },
    emptyObjectWhenMissing: ['public_metadata'],
  },
  User: {
    deprecated: { profile_image_url: 'Use `imageUrl` instead.' },
    emptyObjectWhenMissing: ['public_metadata', 'private_metadata', 'unsafe_metadata'],
  },
  Organization: {
    deprecated: { logo_url: 'Use `imageUrl` instead.' },
    alsoDeprecatedSnake: { members_count: 'Use `membersCount` instead.' },
    emptyObjectWhenMissing: ['public_metadata', 'private_metadata'],
  },
  OrganizationMembership: { emptyObjectWhenMissing: ['public_metadata', 'private_metadata'] },
  OrganizationMembershipPublicUserData: { deprecated: { profile_image_url: 'Use `imageUrl` instead.' } },
  OrganizationInvitation: { emptyObjectWhenMissing: ['public_metadata', 'private_metadata'] },
  OauthAccessToken: { emptyObjectWhenMissing: ['public_metadata'] },
  DeletedObject: { nullWhenEmpty: ['id', 'slug'] },
};

/** The 0.x `ObjectType` keys for object types the spec also names (0.x spelling wins). */
export const objectTypeKeys = {
  allowlist_identifier: 'AllowlistIdentifier',
  client: 'Client',
  email: 'Email',
  email_address: 'EmailAddress',
  external_account: 'ExternalAccount',
  facebook_account: 'FacebookAccount',
  google_account: 'GoogleAccount',
  invitation: 'Invitation',
  oauth_access_token: 'OauthAccessToken',
  organization: 'Organization',
  organization_invitation: 'OrganizationInvitation',
  organization_membership: 'OrganizationMembership',
  phone_number: 'PhoneNumber',
  redirect_url: 'RedirectUrl',
  session: 'Session',
  sign_in_attempt: 'SignInAttempt',
  sign_in_token: 'SignInToken',
  sign_up_attempt: 'SignUpAttempt',
  sms_message: 'SmsMessage',
  user: 'User',
  web3_wallet: 'Web3Wallet',
  token: 'Token',
  total_count: 'TotalCount',
};

/** Spec files that are frozen partial subsets, not versions a client can pin (see bapi-openapi/README.md). */
export const frozenSpecVersions = ['2025-03-12'];

/** Class names for resources the spec describes only inline (by their `object` type). */
export const inlineClassNames = {
  api_key: 'APIKey',
  machine_to_machine_token: 'M2MToken',
  clerk_idp_oauth_access_token: 'IdPOAuthAccessToken',
};

/** For each operation a later version moved or removed (`METHOD /path`): what the current API does instead. */
export const removedOperationNotes = {
  'POST /sessions/{session_id}/verify':
    'The Backend API answers 410 before that; verify session tokens networkless with `verifyToken` instead.',
  'GET /commerce/plans': 'Use `billing.getCommercePlanList` (GET /billing/plans).',
  'GET /commerce/subscription_items':
    'Use `billing.getCommerceSubscriptionItemList` (GET /billing/subscription_items).',
  'DELETE /commerce/subscription_items/{subscription_item_id}':
    'Use `billing.cancelCommerceSubscriptionItem` (DELETE /billing/subscription_items/{subscription_item_id}).',
};

/**
 * The 0.x resources (what 0.x's deserializer built): they and every class they nest get a generated
 * constructor, one assignment per field (0.38.15's deserialization speed); every other class copies its
 * fields from a compact table in one shared loop (smaller, slower; see the README).
 */
export const constructorClasses = [
  'AllowlistIdentifier',
  'Client',
  'DeletedObject',
  'Email',
  'EmailAddress',
  'Invitation',
  'OauthAccessToken',
  'Organization',
  'OrganizationInvitation',
  'OrganizationMembership',
  'PhoneNumber',
  'RedirectUrl',
  'Session',
  'SignInToken',
  'SMSMessage',
  'Token',
  'User',
];
