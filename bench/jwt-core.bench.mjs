// verifyJwt with a prepared key over 3,000 distinct RS256-2048 tokens, side by side with the raw floors, fast-jwt,
// jose, 0.38.15 and 3.x.

import { verifyJwt as currentVerifyJwt } from 'clerk-backend-3/jwt';
import { verifyJwt as legacyVerifyJwt } from 'clerk-backend-038';
import { createVerifier } from 'fast-jwt';
import { importJWK, jwtVerify } from 'jose';
import * as webPath from '../packages/jwt-core/dist/index.js';
import * as nodePath from '../packages/jwt-core/dist/index.node.js';
import { compare, rsaFixture } from './lib.mjs';

const fixture = rsaFixture();
const { publicPem } = fixture;
const publicJwk = fixture.jwk('ins_bench');
const pool = Array.from({ length: 3000 }, (_, i) => fixture.token({ sid: `sess_${i}` }));
const walking = task => {
  let next = 0;
  return () => task(pool[next++ % pool.length]);
};

const joseKey = await importJWK(publicJwk, 'RS256');
const fastJwt = createVerifier({ key: publicPem, algorithms: ['RS256'] });

for (const check of [
  nodePath.verifyJwt(pool[0], { key: publicPem }),
  webPath.verifyJwt(pool[0], { key: publicJwk }),
  currentVerifyJwt(pool[0], { key: publicJwk }),
]) {
  const result = await check;
  if ((result.data ?? result).sub !== 'user_1') throw new Error('verification failed before benchmarking');
}

const onNode = await compare(
  'verifyJwt on Node, RS256-2048, prepared key, 3,000 distinct tokens (floor: node:crypto, parse + claims + verify)',
  {
    'node:crypto floor': walking(token => fixture.nodeFloor(token)),
    '@clerk/jwt-core (node:crypto path)': walking(token => nodePath.verifyJwt(token, { key: publicPem })),
    'WebCrypto floor': walking(token => fixture.webFloor(token)),
    '@clerk/jwt-core (WebCrypto path)': walking(token => webPath.verifyJwt(token, { key: publicJwk })),
    'fast-jwt createVerifier': walking(token => fastJwt(token)),
    'jose jwtVerify': walking(token => jwtVerify(token, joseKey)),
    '@clerk/backend 0.38.15 verifyJwt': walking(token =>
      legacyVerifyJwt(token, { key: publicJwk, issuer: null }),
    ),
    '@clerk/backend 3.x verifyJwt': walking(token => currentVerifyJwt(token, { key: publicJwk })),
  },
  { floor: 'node:crypto floor', rounds: 15 },
);

const nodeRatio = onNode['@clerk/jwt-core (node:crypto path)'];
const webRatio = onNode['@clerk/jwt-core (WebCrypto path)'] / onNode['WebCrypto floor'];
console.log(`jwt-core node path: ${nodeRatio.toFixed(2)}x the node:crypto floor (target <= 1.05x)`);
console.log(`jwt-core WebCrypto path: ${webRatio.toFixed(2)}x the WebCrypto floor (target <= 1.05x)`);
console.log(`fast-jwt: ${onNode['fast-jwt createVerifier'].toFixed(2)}x the node:crypto floor`);
