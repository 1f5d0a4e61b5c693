// The current form resolves a call without options once per instance and decodes the session token once per
// request (the verifier takes the rules' decoded token). Neither may change an answer: the instance's values
// never hide a call's, a call's never stay for the next, and a token the key did not sign never signs in.
import { describe, expect, it } from 'vitest';
import {
  browserRequest,
  PROD_FAPI,
  PROD_PK,
  PROD_SK,
  PROD_SUFFIX,
  signRaw,
} from '../../test/current-fixtures';
import { foreignKey, instanceKey, nowSeconds, tamperPayload } from '../../test/keys';
import { type CurrentAuthenticateOptions, createAuthenticateRequest } from '../index';

const APP = 'https://app.example.com/dashboard';
const now = nowSeconds();
const claims = {
  sub: 'user_shared',
  sid: 'sess_shared',
  iss: `https://${PROD_FAPI}`,
  azp: 'https://app.example.com',
};
const token = (key = instanceKey) => signRaw({ ...claims, iat: now, nbf: now - 5, exp: now + 600 }, {}, key);
const cookieRequest = (session: string) =>
  browserRequest(APP, {
    cookies: { [`__session_${PROD_SUFFIX}`]: session, [`__client_uat_${PROD_SUFFIX}`]: String(now - 10) },
  });
const headerRequest = (session: string) =>
  browserRequest(APP, { headers: { authorization: `Bearer ${session}` }, dest: 'empty' });
const factory = () =>
  createAuthenticateRequest({
    options: { publishableKey: PROD_PK, secretKey: PROD_SK, jwtKey: instanceKey.publicPem, env: {} },
  }).authenticateRequest;
const OTHER_PARTY = { authorizedParties: ['https://other.example.com'] };

describe('the current form, calls without options', () => {
  it('keeps rejecting forged and tampered cookies between requests that sign in', async () => {
    const authenticate = factory();
    const valid = token();
    const answers = [];
    for (const session of [valid, token(foreignKey), tamperPayload(valid, { sub: 'user_other' }), valid]) {
      const state = await authenticate(cookieRequest(session));
      answers.push([state.status, state.reason]);
    }
    expect(answers).toEqual([
      ['signed-in', null],
      ['signed-out', 'token-invalid-signature'],
      ['signed-out', 'token-invalid-signature'],
      ['signed-in', null],
    ]);
  });

  it('verifies a header token exactly once decoded: forged, tampered and valid', async () => {
    const authenticate = factory();
    const valid = token();
    expect((await authenticate(headerRequest(token(foreignKey)))).reason).toBe('token-invalid-signature');
    expect((await authenticate(headerRequest(tamperPayload(valid, { sid: 'sess_x' })))).reason).toBe(
      'token-invalid-signature',
    );
    const state = await authenticate(headerRequest(valid));
    expect(state.status).toBe('signed-in');
    expect(state.toAuth()).toMatchObject({ userId: 'user_shared', sessionId: 'sess_shared' });
  });

  it('answers with the instance again after a call that had options of its own', async () => {
    const authenticate = factory();
    const valid = token();
    expect((await authenticate(cookieRequest(valid))).status).toBe('signed-in');
    const other = await authenticate(cookieRequest(valid), OTHER_PARTY);
    expect([other.status, other.reason]).toEqual(['signed-out', 'token-invalid-authorized-parties']);
    const foreign = await authenticate(cookieRequest(valid), { jwtKey: foreignKey.publicPem });
    expect([foreign.status, foreign.reason]).toEqual(['signed-out', 'token-invalid-signature']);
    expect((await authenticate(cookieRequest(valid), {})).status).toBe('signed-in');
  });

  it('reads options a call object inherits or does not enumerate', async () => {
    const authenticate = factory();
    const calls: CurrentAuthenticateOptions[] = [
      Object.create(OTHER_PARTY),
      Object.defineProperty({}, 'authorizedParties', {
        value: OTHER_PARTY.authorizedParties,
        enumerable: false,
      }),
    ];
    for (const call of calls) {
      expect((await authenticate(cookieRequest(token()))).status).toBe('signed-in');
      const state = await authenticate(cookieRequest(token()), call);
      expect([state.status, state.reason]).toEqual(['signed-out', 'token-invalid-authorized-parties']);
    }
  });
});
