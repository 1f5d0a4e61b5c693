// Machine-token fixtures and the Backend API stand-in for them (host side, machine's Node only): M2M and OAuth
// JWTs signed with node:crypto alone, and `POST /api_keys/verify` (no /v1, as current Clerk calls it).
import { sign } from 'node:crypto';

const API_KEY_ID = 'ak_0123456789abcdef0123456789abcdef';
const API_KEY_SECRET = 'ak_conformance_secret_value';
const MACHINE_ID = 'mch_conformance_caller';
const CALLEE_ID = 'mch_conformance_callee';

const base64url = input => Buffer.from(input).toString('base64url');

function signWithHeader(key, header, payload) {
  const data = `${base64url(JSON.stringify({ alg: 'RS256', kid: key.kid, ...header }))}.${base64url(JSON.stringify(payload))}`;
  return `${data}.${sign('sha256', Buffer.from(data), key.privateKey).toString('base64url')}`;
}

/** Tokens of the three machine kinds; `rsa` and `attacker` are the host's RS256 key pairs. */
export function machineFixtures(rsa, attacker, issuer, now) {
  const m2mClaims = {
    iss: issuer,
    sub: MACHINE_ID,
    jti: 'mt_0123456789abcdef0123456789abcdef',
    scopes: CALLEE_ID,
    iat: now - 10,
    nbf: now - 10,
    exp: now + 3600,
    job: 'conformance',
  };
  const oauthClaims = {
    iss: issuer,
    sub: 'user_conformance',
    client_id: 'client_conformance',
    jti: 'oat_0123456789abcdef0123456789abcdef',
    scope: 'profile email',
    iat: now - 10,
    exp: now + 3600,
  };
  return {
    machineId: MACHINE_ID,
    calleeId: CALLEE_ID,
    m2mJwt: signWithHeader(rsa, { typ: 'JWT' }, m2mClaims),
    oauthJwt: signWithHeader(rsa, { typ: 'at+jwt' }, oauthClaims),
    forgedM2mJwt: signWithHeader(attacker, { typ: 'JWT' }, m2mClaims),
    apiKey: API_KEY_SECRET,
    apiKeyId: API_KEY_ID,
  };
}

const apiKeyJson = now => ({
  object: 'api_key',
  id: API_KEY_ID,
  type: 'api_key',
  subject: 'org_conformance',
  name: 'CONFORMANCE_KEY',
  description: null,
  claims: { runtime: 'conformance' },
  scopes: ['read'],
  revoked: false,
  revocation_reason: null,
  expired: false,
  expiration: null,
  created_by: null,
  last_used_at: null,
  created_at: now,
  updated_at: now,
});

/** Answers `POST /api_keys/verify` (instance secret key only); `undefined` for any other path. */
export function machineVerifyAnswer(secretKey, request, pathname, body) {
  if (request.method !== 'POST' || pathname !== '/api_keys/verify') return undefined;
  const error = (status, code, message) => ({
    status,
    body: {
      errors: [{ code, message, long_message: message, meta: {} }],
      clerk_trace_id: 'trace_conformance',
    },
  });
  if (request.headers.authorization !== `Bearer ${secretKey}`)
    return error(401, 'clerk_key_invalid', 'The provided Clerk Secret Key is invalid.');
  let secret;
  try {
    secret = JSON.parse(body).secret;
  } catch {
    return error(400, 'request_body_invalid', 'The request body is not valid JSON.');
  }
  if (secret !== API_KEY_SECRET) return error(404, 'resource_not_found', 'not found');
  return { status: 200, body: apiKeyJson(1700000000000) };
}
