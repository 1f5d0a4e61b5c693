import { describe, expect, it } from 'vitest';
import { snakeCase, snakeCaseKeys } from './snakeCase';

describe('snakeCase', () => {
  // the conversions observed on 0.38.15 (reference section 2.5)
  it.each([
    ['web3Wallet', 'web3_wallet'],
    ['primaryWeb3WalletID', 'primary_web3_wallet_id'],
    ['primaryEmailAddressID', 'primary_email_address_id'],
    ['profileImageID', 'profile_image_id'],
    ['emailAddress2', 'email_address2'],
    ['a1B', 'a1_b'],
    ['iOS', 'i_os'],
    ['userID', 'user_id'],
    ['already_snake', 'already_snake'],
    ['kebab-key', 'kebab_key'],
    ['a.b', 'a_b'],
    ['ABCDef', 'abc_def'],
    ['HTTPServer', 'http_server'],
    ['_private', 'private'],
    ['Ümlaut', 'mlaut'],
    ['orderBy', 'order_by'],
    ['includeMembersCount', 'include_members_count'],
  ])('%s -> %s', (input, output) => {
    expect(snakeCase(input)).toBe(output);
  });

  it('converts top-level keys only, leaving nested values as given', () => {
    const nested = { someKey: { nestedKey: 1 } };
    expect(snakeCaseKeys({ publicMetadata: nested, lastName: null })).toEqual({
      public_metadata: { someKey: { nestedKey: 1 } },
      last_name: null,
    });
  });
});
