// verifyJwt with a prepared key, fresh RS256-2048 token, side by side with the raw floors, jose and 0.38.15.
import { verifyJwt as legacyVerifyJwt } from 'clerk-backend-038';
import { importJWK, jwtVerify } from 'jose';
import * as webPath from '../packages/jwt-core/dist/index.js';
import * as nodePath from '../packages/jwt-core/dist/index.node.js';
import { compare, rsaFixture } from './lib.mjs';

const fixture = rsaFixture();
const { publicPem } = fixture;
const publicJwk = fixture.jwk('ins_bench');
const token = fixture.token();

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
const nodeFloor = () => fixture.nodeFloor(token);
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
