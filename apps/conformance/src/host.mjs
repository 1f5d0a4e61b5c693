// Host side of the conformance suite: runs in the machine's Node, never inside the runtime under test.
// It makes the fixtures with node:crypto alone (an oracle independent of the code under test) and serves
// the JWKS and a small Backend API on 127.0.0.1.
import { constants, generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import { machineFixtures, machineVerifyAnswer } from './machine-host.mjs';

/** The environment variable that carries the JSON context from the host to a runtime. */
export const CONTEXT_VARIABLE = 'CLERK_CONFORMANCE_CONTEXT';

const FRONTEND_API = 'clerk.conformance.test';
const ISSUER = `https://${FRONTEND_API}`;
const SECRET_KEY = 'sk_test_conformance_secret';
const KNOWN_USER_ID = 'user_conformance';
const SESSION_ID = 'sess_conformance';
const TRACE_ID = 'trace_conformance';

const base64url = input => Buffer.from(input).toString('base64url');

function rsaKeyPair(kid, alg) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return keyMaterial(kid, alg, publicKey, privateKey);
}

function ecKeyPair(kid) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return keyMaterial(kid, 'ES256', publicKey, privateKey);
}

function keyMaterial(kid, alg, publicKey, privateKey) {
  return {
    kid,
    alg,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }),
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' },
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg },
    privateKey,
  };
}

// JWS signing with node:crypto directly, so a bug in the signer under test cannot hide one in its verifier.
function signToken(key, payload) {
  const head = base64url(JSON.stringify({ alg: key.alg, typ: 'JWT', kid: key.kid }));
  const body = base64url(JSON.stringify(payload));
  const data = `${head}.${body}`;
  const hash = `sha${key.alg.slice(2)}`;
  const options =
    key.alg[0] === 'P'
      ? {
          key: key.privateKey,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: Number(key.alg.slice(2)) / 8,
        }
      : key.alg[0] === 'E'
        ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' }
        : key.privateKey;
  return `${data}.${sign(hash, Buffer.from(data), options).toString('base64url')}`;
}

function sessionClaims(now, overrides = {}) {
  return {
    iss: ISSUER,
    sub: KNOWN_USER_ID,
    sid: SESSION_ID,
    azp: 'http://localhost:3000',
    iat: now - 10,
    nbf: now - 10,
    exp: now + 3600,
    ...overrides,
  };
}

/** Keys and tokens for one run. Tokens are fresh: they expire an hour after the host starts. */
function createFixtures() {
  const now = Math.floor(Date.now() / 1000);
  const rsa = rsaKeyPair('ins_conformance_rs', 'RS256');
  const pss = rsaKeyPair('ins_conformance_ps', 'PS256');
  const ec = ecKeyPair('ins_conformance_es');
  const attacker = rsaKeyPair('ins_conformance_rs', 'RS256');
  const claims = sessionClaims(now);
  const tokens = {
    rs256: signToken(rsa, claims),
    ps256: signToken(pss, claims),
    es256: signToken(ec, claims),
    expired: signToken(rsa, sessionClaims(now, { iat: now - 7200, nbf: now - 7200, exp: now - 3600 })),
    // Same kid and claims as the real RS256 token, signed by a key the instance never published.
    forged: signToken(attacker, claims),
    foreignIssuer: signToken(rsa, sessionClaims(now, { iss: 'https://evil.example' })),
  };
  // A handshake token of the current form: Set-Cookie directives signed by the instance key.
  tokens.handshake = signToken(rsa, {
    handshake: [
      `__session=${tokens.rs256}; Path=/; SameSite=Lax`,
      `__client_uat=${claims.iat}; Path=/; SameSite=Lax`,
    ],
  });
  const publicOnly = ({ kid, alg, publicPem, publicJwk }) => ({ kid, alg, publicPem, publicJwk });
  return {
    keys: {
      rsa: publicOnly(rsa),
      pss: publicOnly(pss),
      ec: { ...publicOnly(ec), privateJwk: ec.privateJwk },
      attacker: publicOnly(attacker),
    },
    jwks: { keys: [rsa.publicJwk, pss.publicJwk, ec.publicJwk] },
    tokens,
    claims,
    secretKey: SECRET_KEY,
    publishableKey: `pk_test_${Buffer.from(`${FRONTEND_API}$`).toString('base64')}`,
    frontendApi: FRONTEND_API,
    issuer: ISSUER,
    userId: KNOWN_USER_ID,
    missingUserId: 'user_missing',
    sessionId: SESSION_ID,
    traceId: TRACE_ID,
    machine: machineFixtures(rsa, attacker, ISSUER, now),
  };
}

function sendJson(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function clerkError(code, message, longMessage) {
  return { errors: [{ code, message, long_message: longMessage, meta: {} }], clerk_trace_id: TRACE_ID };
}

function userJson(id) {
  return {
    object: 'user',
    id,
    first_name: 'Conformance',
    last_name: 'Runner',
    username: null,
    primary_email_address_id: null,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    image_url: '',
    has_image: false,
    password_enabled: false,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    banned: false,
    external_id: null,
    email_addresses: [],
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    public_metadata: { runtime: 'conformance' },
    private_metadata: {},
    unsafe_metadata: {},
    last_sign_in_at: null,
    created_at: 1700000000000,
    updated_at: 1700000000000,
  };
}

/** The Backend API subset the suite calls: `/v1/jwks` and `/v1/users/{id}`, both behind the secret key. */
function handle(fixtures, request, response, body) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const machine = machineVerifyAnswer(fixtures.secretKey, request, url.pathname, body);
  if (machine) return sendJson(response, machine.status, machine.body);
  if (request.method === 'GET' && url.pathname === '/.well-known/jwks.json') {
    return sendJson(response, 200, fixtures.jwks);
  }
  if (request.headers.authorization !== `Bearer ${fixtures.secretKey}`) {
    return sendJson(
      response,
      401,
      clerkError('clerk_key_invalid', 'The provided Clerk Secret Key is invalid.', 'Secret key is invalid.'),
    );
  }
  if (request.method === 'GET' && url.pathname === '/v1/jwks') return sendJson(response, 200, fixtures.jwks);
  const user = /^\/v1\/users\/([^/]+)$/.exec(url.pathname);
  if (request.method === 'GET' && user) {
    const id = decodeURIComponent(user[1]);
    if (id === fixtures.userId) return sendJson(response, 200, userJson(id));
    return sendJson(
      response,
      404,
      clerkError('resource_not_found', 'not found', `No user was found with id ${id}.`),
    );
  }
  return sendJson(response, 404, clerkError('resource_not_found', 'not found', 'No such endpoint.'));
}

/** Starts the 127.0.0.1 server; returns the context every runtime receives (JSON-serialisable) and `close()`. */
export async function startHost() {
  const fixtures = createFixtures();
  const sockets = new Set();
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => handle(fixtures, request, response, Buffer.concat(chunks).toString()));
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const apiUrl = `http://127.0.0.1:${port}`;
  const { jwks: _served, ...shared } = fixtures;
  return {
    context: { ...shared, apiUrl },
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
