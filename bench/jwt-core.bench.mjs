// verifyJwt with a prepared key, fresh RS256-2048 token, side by side with the raw floors, jose and 0.38.15.
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { verifyJwt as legacyVerifyJwt } from 'clerk-backend-038';
import { importJWK, jwtVerify } from 'jose';
import * as webPath from '../packages/jwt-core/dist/index.js';
import * as nodePath from '../packages/jwt-core/dist/index.node.js';
import { compare } from './lib.mjs';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: 'ins_bench', alg: 'RS256' };
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const now = Math.floor(Date.now() / 1000);
const payload = {
  sub: 'user_1',
  sid: 'sess_1',
  iss: 'https://clerk.example.com',
  iat: now,
  nbf: now,
  exp: now + 3600,
};
const b64 = value => Buffer.from(JSON.stringify(value)).toString('base64url');
const signingInput = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'ins_bench' })}.${b64(payload)}`;
const token = `${signingInput}.${sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url')}`;

const keyObject = createPublicKey(publicPem);
const cryptoKey = await crypto.subtle.importKey(
  'jwk',
  publicJwk,
  { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  false,
  ['verify'],
);
const joseKey = await importJWK(publicJwk, 'RS256');
const encoder = new TextEncoder();

// The least work that verifies a token: split, decode the signature, one signature check.
function nodeFloor() {
  const dot = token.lastIndexOf('.');
  return verify(
    'sha256',
    Buffer.from(token.slice(0, dot)),
    keyObject,
    Buffer.from(token.slice(dot + 1), 'base64url'),
  );
}
function webFloor() {
  const dot = token.lastIndexOf('.');
  return crypto.subtle.verify(
    'RSASSA-PKCS1-v1_5',
    cryptoKey,
    Buffer.from(token.slice(dot + 1), 'base64url'),
    encoder.encode(token.slice(0, dot)),
  );
}

for (const check of [
  nodePath.verifyJwt(token, { key: publicPem }),
  webPath.verifyJwt(token, { key: publicJwk }),
]) {
  if ((await check).sub !== 'user_1') throw new Error('verification failed before benchmarking');
}

const onNode = await compare(
  'verifyJwt on Node, RS256-2048, prepared key (floor: node:crypto verify)',
  {
    'node:crypto floor': nodeFloor,
    '@clerk/jwt-core (node:crypto path)': () => nodePath.verifyJwt(token, { key: publicPem }),
    'WebCrypto floor': webFloor,
    '@clerk/jwt-core (WebCrypto path)': () => webPath.verifyJwt(token, { key: publicJwk }),
    'jose jwtVerify': () => jwtVerify(token, joseKey),
    '@clerk/backend 0.38.15 verifyJwt': () => legacyVerifyJwt(token, { key: publicJwk, issuer: null }),
  },
  { floor: 'node:crypto floor', rounds: 31 },
);

const nodeRatio = onNode['@clerk/jwt-core (node:crypto path)'];
const webRatio = onNode['@clerk/jwt-core (WebCrypto path)'] / onNode['WebCrypto floor'];
console.log(`jwt-core node path: ${nodeRatio.toFixed(2)}x the node:crypto floor (target <= 1.5x)`);
console.log(`jwt-core WebCrypto path: ${webRatio.toFixed(2)}x the WebCrypto floor (target <= 1.15x)`);
console.log(
  `0.38.15 verifyJwt: ${onNode['@clerk/backend 0.38.15 verifyJwt'].toFixed(2)}x the node:crypto floor, ${(onNode['@clerk/backend 0.38.15 verifyJwt'] / nodeRatio).toFixed(1)}x slower than the node path`,
);
