import { UsersEndpoints } from '../generated/endpoints/users';
import type { UpdateUserBodyByVersion } from '../generated/operations';
import { DeletedObject, OauthAccessToken, OrganizationMembership, User } from '../generated/resources';
import { defineOperation } from '../request/operation';
import type { CallOptions } from '../request/types';
import type { RemovedIn, WithoutKeys } from './versionedParams';
import { withoutFalsy } from './withoutFalsy';

type UserMetadataParams = {
  publicMetadata?: Record<string, unknown>;
  privateMetadata?: Record<string, unknown>;
  unsafeMetadata?: Record<string, unknown>;
};

type PasswordHasher =
  | 'argon2i'
  | 'argon2id'
  | 'bcrypt'
  | 'md5'
  | 'pbkdf2_sha256'
  | 'pbkdf2_sha256_django'
  | 'pbkdf2_sha1'
  | 'scrypt_firebase'
  | 'scrypt_werkzeug'
  | 'sha256';

type PasswordHashingParams = { passwordDigest: string; passwordHasher: PasswordHasher };

export type UserListParams = {
  emailAddress?: string[];
  phoneNumber?: string[];
  username?: string[];
  web3Wallet?: string[];
  query?: string;
  userId?: string[];
  externalId?: string[];
  orderBy?: 'created_at' | 'updated_at' | '+created_at' | '+updated_at' | '-created_at' | '-updated_at';
  limit?: number;
  offset?: number;
  [passThrough: string]: unknown;
};

export type CreateUserParams = {
  externalId?: string;
  emailAddress?: string[];
  phoneNumber?: string[];
  username?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  skipPasswordChecks?: boolean;
  skipPasswordRequirement?: boolean;
  totpSecret?: string;
  backupCodes?: string[];
  createdAt?: Date;
} & UserMetadataParams &
  (PasswordHashingParams | object);

export type UpdateUserParams = {
  firstName?: string;
  lastName?: string;
  username?: string;
  password?: string;
  skipPasswordChecks?: boolean;
  signOutOfOtherSessions?: boolean;
  primaryEmailAddressID?: string;
  primaryPhoneNumberID?: string;
  primaryWeb3WalletID?: string;
  profileImageID?: string;
  totpSecret?: string;
  backupCodes?: string[];
  externalId?: string;
  createdAt?: Date;
  createOrganizationEnabled?: boolean;
} & UserMetadataParams &
  (PasswordHashingParams | object);

/** `updateUser`'s params for a client pinned to `V`: without the fields that version no longer accepts. */
export type UpdateUserParamsFor<V> = WithoutKeys<UpdateUserParams, RemovedIn<UpdateUserBodyByVersion, V>>;

/** `users`: the 0.x methods, then every other user operation of the spec. `V` is the client's `clerkApiVersion`. */
export class UserAPI<V = undefined> extends UsersEndpoints {
  getUserList(params: UserListParams = {}, options?: CallOptions) {
    return this.request(defineOperation<User[]>('GET /users query', User), [], withoutFalsy(params), options);
  }

  getUser(userId: string, options?: CallOptions) {
    return this.request(defineOperation<User>('GET /users/{user_id}', User), [userId], undefined, options);
  }

  createUser(params: CreateUserParams, options?: CallOptions) {
    return this.request(defineOperation<User>('POST /users json', User), [], params, options);
  }

  /** From 2026-05-12 on the metadata fields are not accepted here: use `updateUserMetadata`. */
  updateUser(userId: string, params = {} as UpdateUserParamsFor<V>, options?: CallOptions) {
    return this.request(
      defineOperation<User>('PATCH /users/{user_id} json', User),
      [userId],
      params,
      options,
    );
  }

  updateUserProfileImage(userId: string, params: { file: Blob | File }, options?: CallOptions) {
    return this.request(
      defineOperation<User>('POST /users/{user_id}/profile_image multipart', User),
      [userId],
      { file: params.file },
      options,
    );
  }

  updateUserMetadata(userId: string, params: UserMetadataParams, options?: CallOptions) {
    return this.request(
      defineOperation<User>('PATCH /users/{user_id}/metadata json', User),
      [userId],
      params,
      options,
    );
  }

  deleteUser(userId: string, options?: CallOptions) {
    return this.request(
      defineOperation<DeletedObject>('DELETE /users/{user_id}', DeletedObject),
      [userId],
      undefined,
      options,
    );
  }

  getCount(params: UserListParams = {}, options?: CallOptions) {
    return this.request(defineOperation<number>('GET /users/count query'), [], withoutFalsy(params), options);
  }

  getUserOauthAccessToken(userId: string, provider: `oauth_${string}`, options?: CallOptions) {
    return this.request(
      defineOperation<OauthAccessToken>(
        'GET /users/{user_id}/oauth_access_tokens/{provider} query',
        OauthAccessToken,
      ),
      [userId, provider],
      undefined,
      options,
    );
  }

  disableUserMFA(userId: string, options?: CallOptions) {
    return this.request(
      defineOperation<{ user_id?: string }>('DELETE /users/{user_id}/mfa'),
      [userId],
      undefined,
      options,
    );
  }

  getOrganizationMembershipList(
    params: { userId: string; limit?: number; offset?: number },
    options?: CallOptions,
  ) {
    const { userId, limit, offset } = params;
    return this.request(
      defineOperation<OrganizationMembership[]>(
        'GET /users/{user_id}/organization_memberships query',
        OrganizationMembership,
      ),
      [userId],
      withoutFalsy({ limit, offset }),
      options,
    );
  }

  verifyPassword(params: { userId: string; password: string }, options?: CallOptions) {
    return this.request(
      defineOperation<{ verified?: boolean }>('POST /users/{user_id}/verify_password json'),
      [params.userId],
      { password: params.password },
      options,
    );
  }

  verifyTOTP(params: { userId: string; code: string }, options?: CallOptions) {
    return this.request(
      defineOperation<{ verified?: boolean; code_type?: 'totp' | 'backup_code' }>(
        'POST /users/{user_id}/verify_totp json',
      ),
      [params.userId],
      { code: params.code },
      options,
    );
  }
}
