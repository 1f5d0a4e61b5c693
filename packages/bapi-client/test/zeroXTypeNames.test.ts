// Every resource JSON and enum type name 0.38.15's declarations export is a type of ours (tsc fails on a
// missing one), and the list below is derived-checked against 0.38.15's own .d.ts so it cannot drift.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as ours from '../src/index';

type Listed = [
  ours.ClerkResourceJSON,
  ours.TokenJSON,
  ours.AllowlistIdentifierJSON,
  ours.ClientJSON,
  ours.EmailJSON,
  ours.EmailAddressJSON,
  ours.ExternalAccountJSON,
  ours.IdentificationLinkJSON,
  ours.InvitationJSON,
  ours.OauthAccessTokenJSON,
  ours.OrganizationJSON,
  ours.OrganizationInvitationJSON,
  ours.OrganizationMembershipJSON,
  ours.OrganizationMembershipPublicUserDataJSON,
  ours.PhoneNumberJSON,
  ours.RedirectUrlJSON,
  ours.SessionJSON,
  ours.SignInJSON,
  ours.SignInTokenJSON,
  ours.SignUpJSON,
  ours.SMSMessageJSON,
  ours.UserJSON,
  ours.VerificationJSON,
  ours.Web3WalletJSON,
  ours.DeletedObjectJSON,
  ours.InvitationStatus,
  ours.OAuthProvider,
  ours.OAuthStrategy,
  ours.OrganizationInvitationStatus,
  ours.OrganizationMembershipRole,
  ours.SignInStatus,
  ours.SignUpAttributeRequirements,
  ours.SignUpStatus,
];
const listed = [
  'ClerkResourceJSON',
  'TokenJSON',
  'AllowlistIdentifierJSON',
  'ClientJSON',
  'EmailJSON',
  'EmailAddressJSON',
  'ExternalAccountJSON',
  'IdentificationLinkJSON',
  'InvitationJSON',
  'OauthAccessTokenJSON',
  'OrganizationJSON',
  'OrganizationInvitationJSON',
  'OrganizationMembershipJSON',
  'OrganizationMembershipPublicUserDataJSON',
  'PhoneNumberJSON',
  'RedirectUrlJSON',
  'SessionJSON',
  'SignInJSON',
  'SignInTokenJSON',
  'SignUpJSON',
  'SMSMessageJSON',
  'UserJSON',
  'VerificationJSON',
  'Web3WalletJSON',
  'DeletedObjectJSON',
  'InvitationStatus',
  'OAuthProvider',
  'OAuthStrategy',
  'OrganizationInvitationStatus',
  'OrganizationMembershipRole',
  'SignInStatus',
  'SignUpAttributeRequirements',
  'SignUpStatus',
];

const resourcesDir = join(
  dirname(createRequire(import.meta.url).resolve('clerk-backend-038/package.json')),
  'dist/types/api/resources',
);

describe('0.38.15 type names', () => {
  it('lists every *JSON type of JSON.d.ts and every enum type of Enums.d.ts', () => {
    const exported = (file: string) =>
      [...readFileSync(join(resourcesDir, file), 'utf8').matchAll(/export (?:interface|type) (\w+)/g)].map(
        match => match[1]!,
      );
    expect([...listed].sort()).toEqual([...exported('JSON.d.ts'), ...exported('Enums.d.ts')].sort());
  });

  it('keep the 0.x shapes', () => {
    const role: ours.OrganizationMembershipRole = 'org:custom_role';
    const builtIn: ours.OrganizationMembershipRole = 'basic_member';
    const strategy: ours.OAuthStrategy = 'oauth_linkedin_oidc';
    const signIn: ours.SignInJSON = {
      object: 'sign_in_token',
      id: 'sia_1',
      status: 'needs_factor_one',
      identifier: 'a@x.com',
      created_session_id: null,
    };
    const resource: ours.ClerkResourceJSON = { object: 'user', id: 'user_1' };
    const requirements: ours.SignUpAttributeRequirements = [['name_last', 'age']];
    // @ts-expect-error not a 0.x sign-up status
    const wrongStatus: ours.SignUpStatus = 'pending';
    const sample: Partial<Listed[0]> = {};
    expect([
      role,
      builtIn,
      strategy,
      signIn.status,
      resource.object,
      requirements.length,
      wrongStatus,
      sample,
    ]).toEqual([
      'org:custom_role',
      'basic_member',
      'oauth_linkedin_oidc',
      'needs_factor_one',
      'user',
      1,
      'pending',
      {},
    ]);
  });
});
