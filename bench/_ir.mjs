// temporary: per-op instruction count helper
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
const [,, mode, n] = process.argv;
const fx = JSON.parse(readFileSync('/tmp/jwtprof/fixture.json', 'utf8'));
const N = Number(n);
const { verifyToken } = await import('@clerk/jwks-resolver');
const { createVerifier } = await import('fast-jwt');
const { verify } = await import('node:crypto');
const keyObject = createPublicKey(fx.publicPem);
function floor(token) {
  const first = token.indexOf('.');
  const dot = token.lastIndexOf('.');
  const header = JSON.parse(Buffer.from(token.slice(0, first), 'base64url').toString());
  const claims = JSON.parse(Buffer.from(token.slice(first + 1, dot), 'base64url').toString());
  const nowMs = Date.now();
  if (header.alg !== 'RS256' || typeof claims.sub !== 'string' || typeof claims.iss !== 'string') return false;
  if (claims.exp * 1000 <= nowMs || claims.nbf * 1000 > nowMs || claims.iat * 1000 > nowMs) return false;
  return verify('sha256', Buffer.from(token.slice(0, dot)), keyObject, Buffer.from(token.slice(dot + 1), 'base64url'));
}
const local = { jwtKey: fx.publicPem, env: {} };
const fast = createVerifier({ key: fx.publicPem, algorithms: ['RS256'] });
const uncached = { ...local, verifiedTokenCache: false };
const fns = { floor, ours: t => verifyToken(t, local), oursNoCache: t => verifyToken(t, uncached), fast: t => fast(t) };
const fn = fns[mode];
for (let i = 0; i < N; i++) await fn(fx.tokens[i % fx.tokens.length]);
