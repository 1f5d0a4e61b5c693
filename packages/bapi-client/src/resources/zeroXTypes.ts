// Type names @clerk/backend 0.38.15 exported that no spec schema gives: the same names and shapes, so 0.x
// code that imports them keeps compiling. The resource JSON types themselves are generated (`UserJSON`, ...).
import type { ObjectType } from '../generated/objectTypes';

/** What every resource JSON has (0.x). */
export interface ClerkResourceJSON {
  /** The resource's type (its `object` value). */
  object: ObjectType;
  /** The resource's unique identifier. */
  id: string;
}

/** A sign-in attempt as 0.x typed it (its `object` was typed as the sign-in-token type). */
export interface SignInJSON extends ClerkResourceJSON {
  /** Typed as the sign-in-token type, as 0.x did. */
  object: typeof ObjectType.SignInToken;
  /** How far the sign-in attempt has come. */
  status: SignInStatus;
  /** The identifier (email address, phone number, username, ...) the attempt signs in with. */
  identifier: string;
  /** The session the attempt created once complete, else `null`. */
  created_session_id: string | null;
}

/** The OAuth providers 0.x named. */
export type OAuthProvider =
  | 'facebook'
  | 'google'
  | 'hubspot'
  | 'github'
  | 'tiktok'
  | 'gitlab'
  | 'discord'
  | 'twitter'
  | 'twitch'
  | 'linkedin'
  | 'linkedin_oidc'
  | 'dropbox'
  | 'bitbucket'
  | 'microsoft'
  | 'notion'
  | 'apple'
  | 'x';

export type OAuthStrategy = `oauth_${OAuthProvider}`;

export type OrganizationInvitationStatus = 'pending' | 'accepted' | 'revoked';

/** The built-in roles, or any custom role key (a plain string, as in 0.x). */
export type OrganizationMembershipRole = 'admin' | 'basic_member' | 'guest_member' | (string & {});

export type SignInStatus = 'needs_identifier' | 'needs_factor_one' | 'needs_factor_two' | 'complete';

export type SignUpStatus = 'missing_requirements' | 'complete' | 'abandoned';

export type SignUpAttributeRequirements = (
  | 'name_title'
  | 'name_middle'
  | 'name_last'
  | 'name_suffix'
  | 'age'
  | 'gender'
)[][];

export type InvitationStatus = 'pending' | 'accepted' | 'revoked';
