import { UsersEndpoints } from '../generated/endpoints/users';
import type { UpdateUserBodyByVersion } from '../generated/operations';
import { DeletedObject, OauthAccessToken, OrganizationMembership, User } from '../generated/resources';
import { defineOperation } from '../request/operation';
import type { CallOptions } from '../request/types';
import type { RemovedIn, WithoutKeys } from './versionedParams';
import { withoutFalsy } from './withoutFalsy';

type UserMetadataParams = {
  /**
   * Metadata saved on the user, that is visible to both your frontend and backend. The new object will be merged with
   * the existing value.
   */
  publicMetadata?: Record<string, unknown>;
  /**
   * Metadata saved on the user that is only visible to your backend. The new object will be merged with the existing
   * value.
   */
  privateMetadata?: Record<string, unknown>;
  /**
   * Metadata saved on the user, that can be updated from both the Frontend and Backend APIs. The new object will be
   * merged with the existing value.
   */
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

type PasswordHashingParams = {
  /**
   * In case you already have the password digests and not the passwords, you can use them for the newly created user
   * via this property. The digests should be generated with one of the supported algorithms. The hashing algorithm
   * can be specified using the `password_hasher` property.
   */
  passwordDigest: string;
  /** The hashing algorithm that generated `passwordDigest`. */
  passwordHasher: PasswordHasher;
};

export type UserListParams = {
  /**
   * Returns users with the specified email addresses. Accepts up to 100 email addresses. Any email addresses not
   * found are ignored.
   */
  emailAddress?: string[];
  /**
   * Returns users with the specified phone numbers. Accepts up to 100 phone numbers. Any phone numbers not found are
   * ignored.
   */
  phoneNumber?: string[];
  /** Returns users with the specified usernames. Accepts up to 100 usernames. Any usernames not found are ignored. */
  username?: string[];
  /**
   * Returns users with the specified web3 wallet addresses. Accepts up to 100 web3 wallet addresses. Any web3 wallet
   * addresses not found are ignored.
   */
  web3Wallet?: string[];
  /**
   * Returns users that match the given query. For possible matches, we check the email addresses, phone numbers,
   * usernames, web3 wallets, user IDs, first and last names. The query value doesn't need to match the exact value
   * you are looking for, it is capable of partial matches as well.
   */
  query?: string;
  /**
   * Returns users with the user IDs specified. For each user ID, the `+` and `-` can be prepended to the ID, which
   * denote whether the respective user ID should be included or excluded from the result set. Accepts up to 100 user
   * IDs. Any user IDs not found are ignored.
   */
  userId?: string[];
  /**
   * Returns users with the specified external IDs. For each external ID, the `+` and `-` can be prepended to the ID,
   * which denote whether the respective external ID should be included or excluded from the result set. Accepts up to
   * 100 external IDs. Any external IDs not found are ignored.
   */
  externalId?: string[];
  /**
   * Allows to return users in a particular order. At the moment, you can order the returned users by their
   * `created_at`,`updated_at`,`email_address`,`web3wallet`,`first_name`,`last_name`,`phone_number`,`username`,`last_active_at`,`last_sign_in_at`.
   * In order to specify the direction, you can use the `+/-` symbols prepended in the property to order by. For
   * example, if you want users to be returned in descending order according to their `created_at` property, you can
   * use `-created_at`. If you don't use `+` or `-`, then `+` is implied. We only support one `order_by` parameter,
   * and if multiple `order_by` parameters are provided, we will only keep the first one. For example, if you pass
   * `order_by=username&order_by=created_at`, we will consider only the first `order_by` parameter, which is
   * `username`. The `created_at` parameter will be ignored in this case. Only the `created_at` orderings can be
   * combined with `starting_after` cursor pagination; see that parameter.
   */
  orderBy?: 'created_at' | 'updated_at' | '+created_at' | '+updated_at' | '-created_at' | '-updated_at';
  /**
   * Applies a limit to the number of results returned. Can be used for paginating the results together with `offset`.
   */
  limit?: number;
  /**
   * Skip the first `offset` results when paginating. Needs to be an integer greater or equal to zero. To be used in
   * conjunction with `limit`.
   */
  offset?: number;
  [passThrough: string]: unknown;
};

export type CreateUserParams = {
  /**
   * The ID of the user as used in your external systems or your previous authentication solution. Must be unique
   * across your instance.
   */
  externalId?: string;
  /**
   * Email addresses to add to the user. Must be unique across your instance. The first email address will be set as
   * the user's primary email address. Created verified by default; see `email_address_identification_status` to
   * create them reserved.
   */
  emailAddress?: string[];
  /**
   * Phone numbers to add to the user. Must be unique across your instance. The first phone number will be set as the
   * user's primary phone number. Created verified by default; see `phone_number_identification_status` to create them
   * reserved.
   */
  phoneNumber?: string[];
  /** The username to give to the user. It must be unique across your instance. */
  username?: string;
  /**
   * The plaintext password to give the user. Must be at least 8 characters long, and cannot be in any list of hacked
   * passwords.
   */
  password?: string;
  /** The first name to assign to the user */
  firstName?: string;
  /** The last name to assign to the user */
  lastName?: string;
  /**
   * When set to `true` all password checks are skipped. It is recommended to use this method only when migrating
   * plaintext passwords to Clerk. Upon migration the user base should be prompted to pick stronger password.
   */
  skipPasswordChecks?: boolean;
  /**
   * When set to `true`, `password` is not required anymore when creating the user and can be omitted. This is useful
   * when you are trying to create a user that doesn't have a password, in an instance that is using passwords. Please
   * note that you cannot use this flag if password is the only way for a user to sign into your instance.
   */
  skipPasswordRequirement?: boolean;
  /**
   * In case TOTP is configured on the instance, you can provide the secret to enable it on the newly created user
   * without the need to reset it. Please note that currently the supported options are: * Period: 30 seconds * Code
   * length: 6 digits * Algorithm: SHA1
   */
  totpSecret?: string;
  /**
   * If Backup Codes are configured on the instance, you can provide them to enable it on the newly created user
   * without the need to reset them. You must provide the backup codes in plain format or the corresponding bcrypt
   * digest.
   */
  backupCodes?: string[];
  /** A custom date/time denoting _when_ the user signed up to the application; sent as its RFC 3339 string. */
  createdAt?: Date;
} & UserMetadataParams &
  (PasswordHashingParams | object);

export type UpdateUserParams = {
  /** The first name to assign to the user */
  firstName?: string;
  /** The last name to assign to the user */
  lastName?: string;
  /** The username to give to the user. It must be unique across your instance. */
  username?: string;
  /**
   * The plaintext password to give the user. Must be at least 8 characters long, and cannot be in any list of hacked
   * passwords.
   */
  password?: string;
  /**
   * Set it to `true` if you're updating the user's password and want to skip any password policy settings check. This
   * parameter can only be used when providing a `password`.
   */
  skipPasswordChecks?: boolean;
  /**
   * Set to `true` to sign out the user from all their active sessions once their password is updated. This parameter
   * can only be used when providing a `password`.
   */
  signOutOfOtherSessions?: boolean;
  /** The ID of the email address to set as primary. It must be verified, and present on the current user. */
  primaryEmailAddressID?: string;
  /** The ID of the phone number to set as primary. It must be verified, and present on the current user. */
  primaryPhoneNumberID?: string;
  /** The ID of the web3 wallets to set as primary. It must be verified, and present on the current user. */
  primaryWeb3WalletID?: string;
  /** The ID of the image to set as the user's profile image */
  profileImageID?: string;
  /**
   * In case TOTP is configured on the instance, you can provide the secret to enable it on the specific user without
   * the need to reset it.
   */
  totpSecret?: string;
  /**
   * If Backup Codes are configured on the instance, you can provide them to enable it on the specific user without
   * the need to reset them.
   */
  backupCodes?: string[];
  /**
   * The ID of the user as used in your external systems or your previous authentication solution. Must be unique
   * across your instance.
   */
  externalId?: string;
  /** A custom date/time denoting _when_ the user signed up to the application; sent as its RFC 3339 string. */
  createdAt?: Date;
  /** If true, the user can create organizations with the Frontend API. */
  createOrganizationEnabled?: boolean;
} & UserMetadataParams &
  (PasswordHashingParams | object);

/** `updateUser`'s params for a client pinned to `V`: without the fields that version no longer accepts. */
export type UpdateUserParamsFor<V> = WithoutKeys<UpdateUserParams, RemovedIn<UpdateUserBodyByVersion, V>>;

/** `users`: the 0.x methods, then every other user operation of the spec. `V` is the client's `clerkApiVersion`. */
export class UserAPI<V = undefined> extends UsersEndpoints {
  /** List all users (GET /users). */
  getUserList(params: UserListParams = {}, options?: CallOptions) {
    return this.request(defineOperation<User[]>('GET /users query', User), [], withoutFalsy(params), options);
  }

  /** Retrieve a user (GET /users/{user_id}). */
  getUser(userId: string, options?: CallOptions) {
    return this.request(defineOperation<User>('GET /users/{user_id}', User), [userId], undefined, options);
  }

  /** Create a new user (POST /users). */
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

  /** Set user profile image (POST /users/{user_id}/profile_image). */
  updateUserProfileImage(
    userId: string,
    params: {
      /** The image file, sent as the multipart `file` field. */
      file: Blob | File;
    },
    options?: CallOptions,
  ) {
    return this.request(
      defineOperation<User>('POST /users/{user_id}/profile_image multipart', User),
      [userId],
      { file: params.file },
      options,
    );
  }

  /** Merge and update a user's metadata (PATCH /users/{user_id}/metadata). */
  updateUserMetadata(userId: string, params: UserMetadataParams, options?: CallOptions) {
    return this.request(
      defineOperation<User>('PATCH /users/{user_id}/metadata json', User),
      [userId],
      params,
      options,
    );
  }

  /** Delete a user (DELETE /users/{user_id}). */
  deleteUser(userId: string, options?: CallOptions) {
    return this.request(
      defineOperation<DeletedObject>('DELETE /users/{user_id}', DeletedObject),
      [userId],
      undefined,
      options,
    );
  }

  /** Count users (GET /users/count). */
  getCount(params: UserListParams = {}, options?: CallOptions) {
    return this.request(defineOperation<number>('GET /users/count query'), [], withoutFalsy(params), options);
  }

  /** Retrieve the OAuth access token of a user (GET /users/{user_id}/oauth_access_tokens/{provider}). */
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

  /** Disable a user's MFA methods (DELETE /users/{user_id}/mfa). */
  disableUserMFA(userId: string, options?: CallOptions) {
    return this.request(
      defineOperation<{ user_id?: string }>('DELETE /users/{user_id}/mfa'),
      [userId],
      undefined,
      options,
    );
  }

  /** Retrieve all memberships for a user (GET /users/{user_id}/organization_memberships). */
  getOrganizationMembershipList(
    params: {
      /** The ID of the user whose organization memberships we want to retrieve */
      userId: string;
      /**
       * Applies a limit to the number of results returned. Can be used for paginating the results together with
       * `offset`.
       */
      limit?: number;
      /**
       * Skip the first `offset` results when paginating. Needs to be an integer greater or equal to zero. To be used
       * in conjunction with `limit`.
       */
      offset?: number;
    },
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

  /** Verify the password of a user (POST /users/{user_id}/verify_password). */
  verifyPassword(
    params: {
      /** The ID of the user for whom to verify the password */
      userId: string;
      /** The user password to verify */
      password: string;
    },
    options?: CallOptions,
  ) {
    return this.request(
      defineOperation<{ verified?: boolean }>('POST /users/{user_id}/verify_password json'),
      [params.userId],
      { password: params.password },
      options,
    );
  }

  /** Verify a TOTP or backup code for a user (POST /users/{user_id}/verify_totp). */
  verifyTOTP(
    params: {
      /** The ID of the user for whom to verify the TOTP */
      userId: string;
      /** The TOTP or backup code to verify */
      code: string;
    },
    options?: CallOptions,
  ) {
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
