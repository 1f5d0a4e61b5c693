import { ApiError, identifierTaken, paramInvalid } from '../api/api-error';
import {
  acceptOnly,
  type Body,
  nullableString,
  optionalBoolean,
  optionalObject,
  optionalString,
  optionalStringList,
  orderBy,
  requiredString,
} from '../api/params';
import type { InstanceContext, Router } from '../api/router';
import { newId } from '../lib/ids';
import { hashPassword, passwordMatches } from '../lib/passwords';
import { totpMatches } from '../lib/totp';
import type { Metadata, UserRecord } from '../state';
import {
  assertIdentifierAvailable,
  createIdentification,
  deleteIdentification,
  identificationJson,
  identificationsOf,
} from './identifications';
import { imageUrlFor, mergeMetadata, requireUser, storeUploadedImage } from './lookup';
import { listResponse } from './sessions';

/** What `createUser` takes (the camelCase form of the `POST /v1/users` body). */
export interface CreateUserInput {
  /** Your own id for the user. */
  externalId?: string;
  /** Email addresses, the first one primary and verified. */
  emailAddress?: string[];
  /** Phone numbers (E.164), the first one primary and verified. */
  phoneNumber?: string[];
  /** A unique username. */
  username?: string;
  /** A password (at least 8 characters unless `skipPasswordChecks`), kept hashed. */
  password?: string;
  /** First name. */
  firstName?: string;
  /** Last name. */
  lastName?: string;
  /** A base32 TOTP secret, for `users.verifyTOTP`. */
  totpSecret?: string;
  /** Backup codes, for `users.verifyTOTP`. */
  backupCodes?: string[];
  /** Public metadata. */
  publicMetadata?: Metadata;
  /** Private metadata. */
  privateMetadata?: Metadata;
  /** Unsafe metadata. */
  unsafeMetadata?: Metadata;
  /** Creation time, epoch milliseconds (default now). */
  createdAt?: number;
  /** Accepts any password. */
  skipPasswordChecks?: boolean;
}

const minimumPasswordLength = 8;

function checkPassword(password: string, skipChecks: boolean | undefined): void {
  if (!skipChecks && password.length < minimumPasswordLength)
    throw new ApiError(422, [
      {
        code: 'form_password_length_too_short',
        message: 'is too short',
        long_message: `Passwords must be ${minimumPasswordLength} characters or more.`,
        meta: { param_name: 'password' },
      },
    ]);
}

function assertUsernameAvailable(ctx: InstanceContext, username: string, exceptUserId?: string): void {
  if (!/^[a-zA-Z0-9_-]{4,64}$/.test(username))
    throw paramInvalid('username', 'must be 4-64 letters, digits, "_" or "-"');
  for (const user of ctx.state.users.values()) {
    if (user.id !== exceptUserId && user.username?.toLowerCase() === username.toLowerCase())
      throw identifierTaken('username', 'That username is taken. Please try another.');
  }
}

export function createUser(ctx: InstanceContext, input: CreateUserInput): UserRecord {
  const emails = input.emailAddress ?? [];
  const phones = input.phoneNumber ?? [];
  // Validate everything first so that a rejected request leaves no half-created user behind.
  for (const email of emails) assertIdentifierAvailable(ctx, 'email_address', email);
  for (const phone of phones) assertIdentifierAvailable(ctx, 'phone_number', phone);
  if (new Set(emails.map(email => email.toLowerCase())).size !== emails.length)
    throw identifierTaken('email_address', 'That email address is taken. Please try another.');
  if (input.username !== undefined) assertUsernameAvailable(ctx, input.username);
  if (input.password !== undefined) checkPassword(input.password, input.skipPasswordChecks);
  const now = Date.now();
  const user: UserRecord = {
    id: newId('user'),
    externalId: input.externalId ?? null,
    username: input.username ?? null,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    passwordHash: input.password === undefined ? null : hashPassword(input.password),
    totpSecret: input.totpSecret ?? null,
    backupCodes: input.backupCodes ?? [],
    publicMetadata: input.publicMetadata ?? {},
    privateMetadata: input.privateMetadata ?? {},
    unsafeMetadata: input.unsafeMetadata ?? {},
    primaryEmailAddressId: null,
    primaryPhoneNumberId: null,
    imageUrl: null,
    createOrganizationEnabled: true,
    lastSignInAt: null,
    lastActiveAt: null,
    createdAt: input.createdAt ?? now,
    updatedAt: now,
  };
  ctx.state.users.set(user.id, user);
  for (const value of emails) createIdentification(ctx, { kind: 'email_address', userId: user.id, value });
  for (const value of phones) createIdentification(ctx, { kind: 'phone_number', userId: user.id, value });
  ctx.webhooks.emit('user.created', userJson(ctx, user));
  return user;
}

export function userJson(ctx: InstanceContext, user: UserRecord): Record<string, unknown> {
  const totpEnabled = user.totpSecret !== null;
  const backupCodeEnabled = user.backupCodes.length > 0;
  const imageUrl = imageUrlFor(ctx, user.id);
  return {
    id: user.id,
    object: 'user',
    external_id: user.externalId,
    primary_email_address_id: user.primaryEmailAddressId,
    primary_phone_number_id: user.primaryPhoneNumberId,
    primary_web3_wallet_id: null,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    profile_image_url: imageUrl,
    image_url: imageUrl,
    has_image: user.imageUrl !== null,
    public_metadata: user.publicMetadata,
    private_metadata: user.privateMetadata,
    unsafe_metadata: user.unsafeMetadata,
    email_addresses: identificationsOf(ctx, user.id, 'email_address').map(identificationJson),
    phone_numbers: identificationsOf(ctx, user.id, 'phone_number').map(identificationJson),
    web3_wallets: [],
    passkeys: [],
    password_enabled: user.passwordHash !== null,
    two_factor_enabled: totpEnabled || backupCodeEnabled,
    totp_enabled: totpEnabled,
    backup_code_enabled: backupCodeEnabled,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: user.lastSignInAt,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    delete_self_enabled: true,
    create_organization_enabled: user.createOrganizationEnabled,
    last_active_at: user.lastActiveAt,
    legal_accepted_at: null,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

/** The user's JSON, after sending it as a `user.updated` event. */
export function userUpdated(ctx: InstanceContext, user: UserRecord): Record<string, unknown> {
  const json = userJson(ctx, user);
  ctx.webhooks.emit('user.updated', json);
  return json;
}

/** Removes the user with everything that belongs to them (identifications, sessions, memberships). */
export function deleteUser(ctx: InstanceContext, user: UserRecord): void {
  const { state } = ctx;
  for (const record of [...state.identifications.values()])
    if (record.userId === user.id) deleteIdentification(ctx, record);
  for (const session of [...state.sessions.values()]) {
    if (session.userId !== user.id) continue;
    state.sessions.delete(session.id);
    const client = state.clients.get(session.clientId);
    if (client) client.sessionIds = client.sessionIds.filter(id => id !== session.id);
  }
  for (const membership of [...state.memberships.values()])
    if (membership.userId === user.id) state.memberships.delete(membership.id);
  state.images.delete(user.id);
  state.users.delete(user.id);
}

/** `undefined` keeps the current value; anything else (including `null`) replaces it. */
const keep = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

function totpSecretFrom(body: Body): string | null | undefined {
  const secret = nullableString(body, 'totp_secret');
  if (secret && !/^[A-Z2-7]+=*$/i.test(secret)) throw paramInvalid('totp_secret', 'must be base32');
  return secret;
}

function parseCreatedAt(body: Body): number | undefined {
  const raw = optionalString(body, 'created_at');
  if (raw === undefined) return undefined;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) throw paramInvalid('created_at', 'must be an RFC 3339 date');
  return time;
}

const userFilterKeys = ['email_address', 'phone_number', 'username', 'user_id', 'external_id', 'web3_wallet'];

/** The users matching the list/count query parameters of `GET /v1/users` and `/v1/users/count`. */
function filterUsers(ctx: InstanceContext, query: URLSearchParams): UserRecord[] {
  const valuesOf = (user: UserRecord): Record<string, string[]> => ({
    email_address: identificationsOf(ctx, user.id, 'email_address').map(record => record.value.toLowerCase()),
    phone_number: identificationsOf(ctx, user.id, 'phone_number').map(record => record.value),
    username: user.username ? [user.username.toLowerCase()] : [],
    user_id: [user.id],
    external_id: user.externalId ? [user.externalId] : [],
    web3_wallet: [],
  });
  const organizationIds = query.getAll('organization_id');
  const text = query.get('query')?.toLowerCase();
  return [...ctx.state.users.values()].filter(user => {
    const values = valuesOf(user);
    for (const key of userFilterKeys) {
      const wanted = query
        .getAll(key)
        .map(value => (key === 'email_address' || key === 'username' ? value.toLowerCase() : value));
      if (wanted.length > 0 && !wanted.some(value => values[key]!.includes(value))) return false;
    }
    if (
      organizationIds.length > 0 &&
      ![...ctx.state.memberships.values()].some(
        membership => membership.userId === user.id && organizationIds.includes(membership.organizationId),
      )
    )
      return false;
    if (!text) return true;
    const haystack = [...Object.values(values).flat(), user.firstName ?? '', user.lastName ?? ''];
    return haystack.some(value => value.toLowerCase().includes(text));
  });
}

const createUserFields = [
  'external_id',
  'email_address',
  'phone_number',
  'web3_wallet',
  'username',
  'password',
  'password_digest',
  'password_hasher',
  'first_name',
  'last_name',
  'skip_password_checks',
  'skip_password_requirement',
  'totp_secret',
  'backup_codes',
  'created_at',
  'public_metadata',
  'private_metadata',
  'unsafe_metadata',
];

const updateUserFields = [
  'external_id',
  'first_name',
  'last_name',
  'username',
  'password',
  'skip_password_checks',
  'sign_out_of_other_sessions',
  'primary_email_address_id',
  'primary_phone_number_id',
  'primary_web3_wallet_id',
  'profile_image_id',
  'totp_secret',
  'backup_codes',
  'created_at',
  'create_organization_enabled',
  'public_metadata',
  'private_metadata',
  'unsafe_metadata',
  'password_digest',
  'password_hasher',
];

function updateUser(ctx: InstanceContext, user: UserRecord, body: Body): void {
  acceptOnly(body, updateUserFields);
  const username = nullableString(body, 'username');
  if (username) assertUsernameAvailable(ctx, username, user.id);
  const password = optionalString(body, 'password');
  if (password !== undefined) checkPassword(password, optionalBoolean(body, 'skip_password_checks'));
  for (const [field, kind] of [
    ['primary_email_address_id', 'email_address'],
    ['primary_phone_number_id', 'phone_number'],
  ] as const) {
    const id = optionalString(body, field);
    if (id === undefined) continue;
    const record = ctx.state.identifications.get(id);
    if (!record || record.userId !== user.id || record.kind !== kind)
      throw paramInvalid(field, `must be one of the user's ${kind.replace('_', ' ')} ids`);
    if (kind === 'email_address') user.primaryEmailAddressId = id;
    else user.primaryPhoneNumberId = id;
  }
  if (username !== undefined) user.username = username;
  if (password !== undefined) user.passwordHash = hashPassword(password);
  user.firstName = keep(nullableString(body, 'first_name'), user.firstName);
  user.lastName = keep(nullableString(body, 'last_name'), user.lastName);
  user.externalId = keep(nullableString(body, 'external_id'), user.externalId);
  user.totpSecret = keep(totpSecretFrom(body), user.totpSecret);
  user.backupCodes = optionalStringList(body, 'backup_codes') ?? user.backupCodes;
  user.createOrganizationEnabled =
    optionalBoolean(body, 'create_organization_enabled') ?? user.createOrganizationEnabled;
  user.createdAt = parseCreatedAt(body) ?? user.createdAt;
  user.publicMetadata = optionalObject(body, 'public_metadata') ?? user.publicMetadata;
  user.privateMetadata = optionalObject(body, 'private_metadata') ?? user.privateMetadata;
  user.unsafeMetadata = optionalObject(body, 'unsafe_metadata') ?? user.unsafeMetadata;
  user.updatedAt = Date.now();
}

export function registerUserRoutes(router: Router): void {
  router
    .add('GET', '/v1/users/count', ({ query, ctx }) => ({
      object: 'total_count',
      total_count: filterUsers(ctx, query).length,
    }))
    .add('GET', '/v1/users', ({ query, ctx }) =>
      listResponse(
        orderBy(filterUsers(ctx, query), query).map(user => userJson(ctx, user)),
        query,
      ),
    )
    .add('POST', '/v1/users', ({ body, ctx }) => {
      acceptOnly(body, createUserFields);
      if (body.password_digest !== undefined)
        throw paramInvalid(
          'password_digest',
          'is not supported by the local instance; send password instead',
        );
      const user = createUser(ctx, {
        externalId: optionalString(body, 'external_id'),
        emailAddress: optionalStringList(body, 'email_address'),
        phoneNumber: optionalStringList(body, 'phone_number'),
        username: optionalString(body, 'username'),
        password: optionalString(body, 'password'),
        firstName: optionalString(body, 'first_name'),
        lastName: optionalString(body, 'last_name'),
        totpSecret: totpSecretFrom(body) ?? undefined,
        backupCodes: optionalStringList(body, 'backup_codes'),
        publicMetadata: optionalObject(body, 'public_metadata'),
        privateMetadata: optionalObject(body, 'private_metadata'),
        unsafeMetadata: optionalObject(body, 'unsafe_metadata'),
        createdAt: parseCreatedAt(body),
        skipPasswordChecks: optionalBoolean(body, 'skip_password_checks'),
      });
      return userJson(ctx, user);
    })
    .add('GET', '/v1/users/:user_id', ({ params, ctx }) => userJson(ctx, requireUser(ctx, params.user_id!)))
    .add('PATCH', '/v1/users/:user_id', ({ params, body, ctx }) => {
      const user = requireUser(ctx, params.user_id!);
      updateUser(ctx, user, body);
      return userUpdated(ctx, user);
    })
    .add('DELETE', '/v1/users/:user_id', ({ params, ctx }) => {
      const user = requireUser(ctx, params.user_id!);
      deleteUser(ctx, user);
      ctx.webhooks.emit('user.deleted', {
        object: 'user',
        id: user.id,
        deleted: true,
        ...(user.externalId ? { external_id: user.externalId } : {}),
      });
      return { object: 'user', id: user.id, deleted: true };
    })
    .add('PATCH', '/v1/users/:user_id/metadata', ({ params, body, ctx }) => {
      acceptOnly(body, ['public_metadata', 'private_metadata', 'unsafe_metadata']);
      const user = requireUser(ctx, params.user_id!);
      user.publicMetadata = mergeMetadata(user.publicMetadata, optionalObject(body, 'public_metadata') ?? {});
      user.privateMetadata = mergeMetadata(
        user.privateMetadata,
        optionalObject(body, 'private_metadata') ?? {},
      );
      user.unsafeMetadata = mergeMetadata(user.unsafeMetadata, optionalObject(body, 'unsafe_metadata') ?? {});
      user.updatedAt = Date.now();
      return userUpdated(ctx, user);
    })
    .add('POST', '/v1/users/:user_id/profile_image', async ({ params, form, ctx }) => {
      const user = requireUser(ctx, params.user_id!);
      user.imageUrl = await storeUploadedImage(ctx, user.id, form);
      user.updatedAt = Date.now();
      return userUpdated(ctx, user);
    })
    .add('GET', '/v1/users/:user_id/oauth_access_tokens/:provider', ({ params, ctx }) => {
      requireUser(ctx, params.user_id!);
      return [];
    })
    .add('DELETE', '/v1/users/:user_id/mfa', ({ params, ctx }) => {
      const user = requireUser(ctx, params.user_id!);
      user.totpSecret = null;
      user.backupCodes = [];
      user.updatedAt = Date.now();
      userUpdated(ctx, user);
      return { user_id: user.id };
    })
    .add('POST', '/v1/users/:user_id/verify_password', ({ params, body, ctx }) => {
      acceptOnly(body, ['password']);
      const user = requireUser(ctx, params.user_id!);
      const password = requiredString(body, 'password');
      if (user.passwordHash === null || !passwordMatches(password, user.passwordHash))
        throw new ApiError(422, [
          {
            code: 'incorrect_password',
            message: 'Incorrect password',
            long_message: 'Password is incorrect.',
          },
        ]);
      return { verified: true };
    })
    .add('POST', '/v1/users/:user_id/verify_totp', ({ params, body, ctx }) => {
      acceptOnly(body, ['code']);
      const user = requireUser(ctx, params.user_id!);
      const code = requiredString(body, 'code');
      if (user.totpSecret !== null && totpMatches(user.totpSecret, code, Date.now() / 1000))
        return { verified: true, code_type: 'totp' };
      if (user.backupCodes.includes(code)) {
        user.backupCodes = user.backupCodes.filter(candidate => candidate !== code);
        return { verified: true, code_type: 'backup_code' };
      }
      throw new ApiError(422, [
        {
          code: 'totp_verification_failed',
          message: 'Incorrect code',
          long_message: 'The code is incorrect.',
        },
      ]);
    });
}
