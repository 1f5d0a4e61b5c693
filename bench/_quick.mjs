// temporary
import { verifyToken } from '@clerk/jwks-resolver';
import { createVerifier } from 'fast-jwt';
import { compare, rsaFixture } from './lib.mjs';
const f = rsaFixture();
const pool = Array.from({ length: 3000 }, (_, i) => f.token({ sid: `sess_${i}` }));
const walk = fn => { let i = 0; return () => fn(pool[i++ % pool.length]); };
const local = { jwtKey: f.publicPem, env: {} };
const fast = createVerifier({ key: f.publicPem, algorithms: ['RS256'] });
const fastCached = createVerifier({ key: f.publicPem, algorithms: ['RS256'], cache: true });
const r = await compare('quick', {
  floor: walk(t => f.nodeFloor(t)),
  ours: walk(t => verifyToken(t, local)),
  fastjwt: walk(t => fast(t)),
  oursHit: () => verifyToken(pool[0], local),
  fastHit: () => fastCached(pool[0]),
}, { floor: 'floor', rounds: Number(process.argv[2] ?? 9) });
