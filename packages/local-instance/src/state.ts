/** The in-memory records behind the Backend API. Times are epoch milliseconds, as on the wire. */

export type Metadata = Record<string, unknown>;

export interface UserRecord {
  id: string;
  externalId: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  passwordHash: string | null;
  totpSecret: string | null;
  backupCodes: string[];
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  unsafeMetadata: Metadata;
  primaryEmailAddressId: string | null;
  primaryPhoneNumberId: string | null;
  imageUrl: string | null;
  createOrganizationEnabled: boolean;
  lastSignInAt: number | null;
  lastActiveAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface IdentificationRecord {
  id: string;
  kind: 'email_address' | 'phone_number';
  value: string;
  userId: string;
  verified: boolean;
  reservedForSecondFactor: boolean;
  createdAt: number;
  updatedAt: number;
}

export type SessionStatus = 'active' | 'revoked' | 'ended' | 'expired' | 'removed' | 'abandoned' | 'replaced';

export interface SessionRecord {
  id: string;
  userId: string;
  clientId: string;
  status: SessionStatus;
  lastActiveOrganizationId: string | null;
  lastActiveAt: number;
  expireAt: number;
  abandonAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface ClientRecord {
  id: string;
  sessionIds: string[];
  lastActiveSessionId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface OrganizationRecord {
  id: string;
  name: string;
  slug: string;
  createdBy: string | null;
  maxAllowedMemberships: number;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  imageUrl: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface MembershipRecord {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  createdAt: number;
  updatedAt: number;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface OrganizationInvitationRecord {
  id: string;
  organizationId: string;
  emailAddress: string;
  role: string;
  inviterUserId: string | null;
  status: InvitationStatus;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface InvitationRecord {
  id: string;
  emailAddress: string;
  publicMetadata: Metadata;
  status: InvitationStatus;
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface AllowlistIdentifierRecord {
  id: string;
  identifier: string;
  identifierType: 'email_address' | 'phone_number' | 'web3_wallet';
  createdAt: number;
  updatedAt: number;
}

export interface RedirectUrlRecord {
  id: string;
  url: string;
  createdAt: number;
  updatedAt: number;
}

export interface SignInTokenRecord {
  id: string;
  userId: string;
  token: string;
  status: 'pending' | 'accepted' | 'revoked';
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

/** A named JWT template for `POST /v1/sessions/{id}/tokens/{name}`. */
export interface JwtTemplate {
  /** Claims added to the token. A string value `{{user.x}}`, `{{org.x}}` or `{{session.x}}` is replaced. */
  claims: Record<string, unknown>;
  /** Token lifetime in seconds (default 60). */
  lifetimeSeconds?: number;
}

/** Session token formats: 1 (flat `org_*` claims, what 0.x reads) or 2 (`v: 2`, `o`, `fea`, `pla`). */
export type SessionTokenVersion = 1 | 2;

/** The billing of a user or an organisation, carried by v2 tokens as the `pla` and `fea` claims. */
export interface Subscription {
  /** Plan key, for example `free` or `pro`; none when absent or null. */
  plan?: string | null;
  /** Feature keys the plan includes. An organisation's features also decide which permissions v2 tokens carry. */
  features?: string[];
}

export interface StoredImage {
  contentType: string;
  bytes: Uint8Array;
}

/** Every table of one instance. `reset()` empties the data and keeps the configured JWT templates. */
export class InstanceState {
  readonly users = new Map<string, UserRecord>();
  readonly identifications = new Map<string, IdentificationRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly clients = new Map<string, ClientRecord>();
  readonly organizations = new Map<string, OrganizationRecord>();
  readonly memberships = new Map<string, MembershipRecord>();
  readonly organizationInvitations = new Map<string, OrganizationInvitationRecord>();
  readonly invitations = new Map<string, InvitationRecord>();
  readonly allowlistIdentifiers = new Map<string, AllowlistIdentifierRecord>();
  readonly redirectUrls = new Map<string, RedirectUrlRecord>();
  readonly signInTokens = new Map<string, SignInTokenRecord>();
  readonly jwtTemplates = new Map<string, JwtTemplate>();
  readonly images = new Map<string, StoredImage>();
  /** Subscriptions by user id or organisation id. */
  readonly subscriptions = new Map<string, Subscription>();

  reset(): void {
    for (const table of Object.values(this))
      if (table instanceof Map && table !== this.jwtTemplates) table.clear();
  }
}
