import { describe, expect, it } from 'vitest';
import { deserialize } from './deserialize';
import { ObjectType } from './generated/objectTypes';
import {
  AllowlistIdentifier,
  Client,
  DeletedObject,
  Email,
  EmailAddress,
  Invitation,
  OauthAccessToken,
  Organization,
  OrganizationInvitation,
  OrganizationMembership,
  PhoneNumber,
  RedirectUrl,
  Session,
  SignInToken,
  SMSMessage,
  Token,
  User,
} from './generated/resources';

describe('deserialize (the 0.x rules)', () => {
  it.each([
    ['allowlist_identifier', AllowlistIdentifier],
    ['client', Client],
    ['email_address', EmailAddress],
    ['email', Email],
    ['invitation', Invitation],
    ['oauth_access_token', OauthAccessToken],
    ['organization', Organization],
    ['organization_invitation', OrganizationInvitation],
    ['organization_membership', OrganizationMembership],
    ['phone_number', PhoneNumber],
    ['redirect_url', RedirectUrl],
    ['sign_in_token', SignInToken],
    ['session', Session],
    ['sms_message', SMSMessage],
    ['token', Token],
    ['user', User],
  ])('%s becomes its class', (object, resourceClass) => {
    expect(deserialize({ object, id: 'x_1' })).toBeInstanceOf(resourceClass);
  });

  it('maps bare arrays and unwraps { data, total_count } pages', () => {
    const list = deserialize<Session[]>([
      { object: 'session', id: 's1' },
      { object: 'session', id: 's2' },
    ]);
    expect(list.map(s => s.id)).toEqual(['s1', 's2']);
    const page = deserialize<Organization[]>({
      data: [{ object: 'organization', id: 'org_1' }],
      total_count: 7,
    });
    expect(page).toHaveLength(1);
    expect(page[0]).toBeInstanceOf(Organization);
  });

  it('keeps an object whose data is not an array as one item', () => {
    expect(deserialize({ object: 'email', id: 'em_1', data: {} })).toBeInstanceOf(Email);
  });

  it('turns { object, deleted } into DeletedObject before looking at the type, with empty ids as null', () => {
    const deleted = deserialize<DeletedObject>({ object: 'user', deleted: true, id: '' });
    expect(deleted).toBeInstanceOf(DeletedObject);
    expect(deleted).toMatchObject({ object: 'user', deleted: true, id: null, slug: null });
  });

  it('returns the number of a total_count object', () => {
    expect(deserialize({ object: 'total_count', total_count: 42 })).toBe(42);
  });

  it('passes strings, unknown types and plain objects through unchanged', () => {
    expect(deserialize('<html></html>')).toBe('<html></html>');
    expect(deserialize({ verified: true })).toEqual({ verified: true });
    expect(deserialize({ object: 'something_new', x: 1 })).toEqual({ object: 'something_new', x: 1 });
  });

  it('does not throw on null or a number (0.x did)', () => {
    expect(deserialize(null)).toBeNull();
    expect(deserialize(3)).toBe(3);
  });

  it('ObjectType keeps the 0.x keys', () => {
    expect(ObjectType).toMatchObject({
      AllowlistIdentifier: 'allowlist_identifier',
      Client: 'client',
      Email: 'email',
      EmailAddress: 'email_address',
      ExternalAccount: 'external_account',
      FacebookAccount: 'facebook_account',
      GoogleAccount: 'google_account',
      Invitation: 'invitation',
      OauthAccessToken: 'oauth_access_token',
      Organization: 'organization',
      OrganizationInvitation: 'organization_invitation',
      OrganizationMembership: 'organization_membership',
      PhoneNumber: 'phone_number',
      RedirectUrl: 'redirect_url',
      Session: 'session',
      SignInAttempt: 'sign_in_attempt',
      SignInToken: 'sign_in_token',
      SignUpAttempt: 'sign_up_attempt',
      SmsMessage: 'sms_message',
      User: 'user',
      Web3Wallet: 'web3_wallet',
      Token: 'token',
      TotalCount: 'total_count',
    });
  });
});
