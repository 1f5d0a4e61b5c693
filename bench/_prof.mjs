import { verifyToken } from '@clerk/jwks-resolver';
import { rsaFixture } from './lib.mjs';
const f = rsaFixture();
const pool = Array.from({ length: 3000 }, (_, i) => f.token({ sid: `sess_${i}` }));
const opts = { jwtKey: f.publicPem, env: {} };
for (let i = 0; i < 150000; i++) await verifyToken(pool[i % 3000], opts);
