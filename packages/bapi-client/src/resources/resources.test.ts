import { describe, expect, it } from 'vitest';
import {
  Client,
  EmailAddress,
  ExternalAccount,
  Invitation,
  OauthAccessToken,
  Organization,
  OrganizationMembership,
  User,
} from '../generated/resources';

const userJSON = {
  object: 'user' as const,
  id: 'user_1',
  first_name: 'Ada',
  primary_email_address_id: 'idn_1',
  profile_image_url: 'https://img.example/a.png',
  image_url: 'https://img.example/a2.png',
  has_image: true,
  created_at: 1700000000000,
  public_metadata: { someKey: { nested_key: 1 } },
  private_metadata: null,
  email_addresses: [
    {
      object: 'email_address' as const,
      id: 'idn_1',
      email_address: 'ada@example.com',
      verification: {
        status: 'verified',
        strategy: 'from_oauth_google',
        external_verification_redirect_url: 'string',
      },
      linked_to: [{ id: 'eac_1', type: 'oauth_google' }],
    },
  ],
  external_accounts: [
    {
      object: 'external_account' as const,
      id: 'eac_1',
      provider: 'oauth_google',
      provider_user_id: 'google-123',
      avatar_url: 'https://img.example/avatar.png',
      verification: {
        status: 'verified',
        strategy: 'oauth_google',
        external_verification_redirect_url: 'https://accounts.example/cb',
      },
    },
  ],
} as unknown as Parameters<typeof User.fromJSON>[0];

describe('resource classes', () => {
  it('map snake_case JSON to camelCase fields, without touching metadata contents', () => {
    const user = User.fromJSON(userJSON);
    expect(user).toMatchObject({
      id: 'user_1',
      firstName: 'Ada',
      primaryEmailAddressId: 'idn_1',
      imageUrl: 'https://img.example/a2.png',
      hasImage: true,
      createdAt: 1700000000000,
      publicMetadata: { someKey: { nested_key: 1 } },
    });
  });

  it('default missing metadata to {} but keep an explicit null', () => {
    const user = User.fromJSON(userJSON);
    expect(user.unsafeMetadata).toEqual({});
    expect(user.privateMetadata).toBeNull();
    expect(Organization.fromJSON({ object: 'organization', id: 'org_1' } as never).publicMetadata).toEqual(
      {},
    );
    expect(
      Invitation.fromJSON({ object: 'invitation', id: 'inv_1', public_metadata: null } as never)
        .publicMetadata,
    ).toBeNull();
  });

  it('build nested resources, and [] for a missing list', () => {
    const user = User.fromJSON(userJSON);
    expect(user.emailAddresses[0]).toBeInstanceOf(EmailAddress);
    expect(user.emailAddresses[0]?.linkedTo[0]).toMatchObject({ id: 'eac_1', type: 'oauth_google' });
    expect(user.externalAccounts[0]).toBeInstanceOf(ExternalAccount);
    expect(user.phoneNumbers).toEqual([]);
    expect(user.web3Wallets).toEqual([]);
    const membership = OrganizationMembership.fromJSON({
      object: 'organization_membership',
      id: 'orgmem_1',
      organization: { object: 'organization', id: 'org_1' },
      public_user_data: { user_id: 'user_1', first_name: 'Ada' },
    } as never);
    expect(membership.organization).toBeInstanceOf(Organization);
    expect(membership.publicUserData).toMatchObject({ userId: 'user_1', firstName: 'Ada' });
    const client = Client.fromJSON({ object: 'client', id: 'client_1', sessions: 'not a list' } as never);
    expect(client.sessions).toEqual([]);
  });

  it('drop the non-object items of a list, keeping the order of the rest', () => {
    const email = EmailAddress.fromJSON({
      id: 'idn_1',
      linked_to: [null, 'eac_0', { id: 'eac_1', type: 'oauth_google' }, 3, { id: 'eac_2', type: 'saml' }],
    } as never);
    expect(email.linkedTo.map(link => link.id)).toEqual(['eac_1', 'eac_2']);
    expect(email.linkedTo).toHaveLength(2);
    expect(EmailAddress.fromJSON({ id: 'idn_1', linked_to: [null, 1] } as never).linkedTo).toEqual([]);
  });

  it('give every instance its own list, also when the JSON has none or an empty one', () => {
    const a = User.fromJSON({ ...userJSON, phone_numbers: [] });
    const b = User.fromJSON({ ...userJSON, phone_numbers: [] });
    expect(a.phoneNumbers).not.toBe(b.phoneNumbers);
    expect(a.web3Wallets).not.toBe(b.web3Wallets);
    expect(a.phoneNumbers).not.toBe(a.web3Wallets);
  });

  it('parse the verification redirect URL leniently: a URL, or null for a malformed value', () => {
    const user = User.fromJSON(userJSON);
    expect(user.emailAddresses[0]?.verification?.externalVerificationRedirectURL).toBeNull();
    expect(user.externalAccounts[0]?.verification?.externalVerificationRedirectURL).toBeInstanceOf(URL);
    expect(user.externalAccounts[0]?.verification?.externalVerificationRedirectURL?.href).toBe(
      'https://accounts.example/cb',
    );
    expect(user.emailAddresses[0]?.verification?.attempts).toBeNull();
  });

  it('keep the 0.x field names that differ from the JSON', () => {
    const account = User.fromJSON(userJSON).externalAccounts[0]!;
    expect(account.externalId).toBe('google-123');
    expect(account.picture).toBe('https://img.example/avatar.png');
    expect(account.publicMetadata).toEqual({});
    const token = OauthAccessToken.fromJSON({
      object: 'oauth_access_token',
      token: 't',
      token_secret: 's',
    } as never);
    expect(token).toMatchObject({ token: 't', tokenSecret: 's', publicMetadata: {} });
  });

  it('store deprecated accessors per instance (0.x shared one value), hidden from JSON.stringify', () => {
    const a = User.fromJSON({ ...userJSON, profile_image_url: 'A' });
    const b = User.fromJSON({ ...userJSON, profile_image_url: 'B' });
    expect(a.profileImageUrl).toBe('A');
    expect(b.profileImageUrl).toBe('B');
    expect(JSON.parse(JSON.stringify(a))).not.toHaveProperty('profileImageUrl');
    const org = Organization.fromJSON({
      object: 'organization',
      id: 'o',
      members_count: 3,
      logo_url: 'L',
    } as never);
    expect(org.membersCount).toBe(3);
    expect(org.members_count).toBe(3);
    expect(org.logoUrl).toBe('L');
  });
});
