// A bounded load run of the 0.x call form `authenticateRequest({ request, ...options })` of @clerk/auth-state
// beside @clerk/backend 0.38.15 (`clerk.authenticateRequest({ request })`): 20,000 calls, 50 in flight, over
// 1,000 distinct session tokens (cookie flow, local key: nothing crosses the network). Reports throughput (calls
// per second of this process's CPU time, and per wall-clock second), p50/p99 latency of one call (wall clock,
// start to settle, with 49 others in flight) and heap growth (heapUsed after a forced GC, before vs after the
// measured run). Latency is wall-clock time: on a busy machine it includes the time the process waits for a
// CPU, so the table also shows the CPU share (CPU time / wall time) and p99 scaled by it, an estimate for a
// machine of its own (the target is judged on the measured p99). Each library gets its own tokens, and a
// warm-up run on other tokens first, so that the measured run starts with JIT-compiled code and full caches
// (the verified-token cache then turns over 1,000 entries).
import { spawnSync } from 'node:child_process';
import { authenticateRequest } from '@clerk/auth-state';
import { Clerk } from 'clerk-backend-038';
import { rsaFixture } from './lib.mjs';

// The heap figures need a forced GC: run again with --expose-gc.
if (typeof globalThis.gc !== 'function') {
  const child = spawnSync(process.execPath, ['--expose-gc', import.meta.filename], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const CALLS = 20_000;
const IN_FLIGHT = 50;
const TOKENS = 1_000;
const ROUNDS = 3;

const fixture = rsaFixture();
const { publicPem, now } = fixture;
const secretKey = 'sk_live_bench';

// A signed-in browser's page request; one Request per token, built before any timing.
const requestsFor = prefix =>
  Array.from({ length: TOKENS }, (_, i) => {
    const token = fixture.token({ sid: `${prefix}_${i}`, nbf: now - 10 });
    return new Request('https://example.com/dashboard', {
      headers: {
        host: 'example.com',
        'user-agent': 'Mozilla/5.0 (bench)',
        accept: 'text/html',
        cookie: `_ga=GA1.1.1; __client_uat=${now - 60}; __session=${token}; theme=dark`,
      },
    });
  });

const options = { secretKey, jwtKey: publicPem, env: {} };
const legacy = Clerk({ secretKey, jwtKey: publicPem });
const libraries = {
  '@clerk/auth-state': request => authenticateRequest({ request, ...options }),
  '@clerk/backend 0.38.15': request => legacy.authenticateRequest({ request }),
};

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const heapUsed = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};

/** CALLS calls of `authenticate` over `requests`, IN_FLIGHT at a time; every one must be signed in. */
async function load(authenticate, requests) {
  const latencies = new Float64Array(CALLS);
  let next = 0;
  const worker = async () => {
    while (next < CALLS) {
      const i = next++;
      const start = performance.now();
      const state = await authenticate(requests[i % requests.length]);
      latencies[i] = performance.now() - start;
      if (state.status !== 'signed-in')
        throw new Error(`expected signed-in, got ${state.status} ${state.reason}`);
    }
  };
  const heapBefore = heapUsed();
  const wallStart = performance.now();
  const cpuStart = cpuMs();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const cpu = cpuMs() - cpuStart;
  const wall = performance.now() - wallStart;
  const heapGrowth = heapUsed() - heapBefore;
  latencies.sort();
  return {
    cpuRate: (CALLS / cpu) * 1000,
    wallRate: (CALLS / wall) * 1000,
    p50: latencies[Math.floor(CALLS * 0.5)],
    p99: latencies[Math.floor(CALLS * 0.99)],
    // The share of the wall-clock time this process was on a CPU: well below 1 on a busy machine.
    cpuShare: cpu / wall,
    heapGrowth,
  };
}

const prepared = Object.fromEntries(
  Object.keys(libraries).map(name => [
    name,
    { warmUp: requestsFor(`warm_${name}`), measured: requestsFor(name) },
  ]),
);
for (const [name, authenticate] of Object.entries(libraries)) await load(authenticate, prepared[name].warmUp);

// Rounds alternate between the libraries, so that load from elsewhere on the machine hits both alike.
const runs = Object.fromEntries(Object.keys(libraries).map(name => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, authenticate] of Object.entries(libraries)) {
    runs[name].push(await load(authenticate, prepared[name].measured));
  }
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = Object.fromEntries(
  Object.entries(runs).map(([name, list]) => [
    name,
    Object.fromEntries(Object.keys(list[0]).map(key => [key, median(list.map(run => run[key]))])),
  ]),
);
const mib = bytes => (bytes / 1024 / 1024).toFixed(2);
console.log(
  `### Load: ${CALLS.toLocaleString('en')} calls, ${IN_FLIGHT} in flight, ${TOKENS.toLocaleString('en')} distinct tokens, cookie flow, local key (median of ${ROUNDS} rounds)\n`,
);
console.log(
  '| library | req/s (CPU time) | req/s (wall clock) | p50 (ms) | p99 (ms) | CPU share | p99 x CPU share (ms) | heap growth (MiB) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, r] of Object.entries(summary)) {
  console.log(
    `| ${name} | ${Math.round(r.cpuRate)} | ${Math.round(r.wallRate)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.cpuShare.toFixed(2)} | ${(r.p99 * r.cpuShare).toFixed(2)} | ${mib(r.heapGrowth)} |`,
  );
}
const ours = summary['@clerk/auth-state'];
const ratio = ours.cpuRate / summary['@clerk/backend 0.38.15'].cpuRate;
const maxGrowth = Math.max(...runs['@clerk/auth-state'].map(run => run.heapGrowth));
console.log('\n### Target: >= 10x the throughput of 0.38.15, p99 <= 5 ms, heap growth <= 2 MiB\n');
console.log('| throughput / 0.38.15 | p99 (ms) | heap growth, largest of the rounds (MiB) | met |');
console.log('|---:|---:|---:|---|');
const met = ratio >= 10 && ours.p99 <= 5 && maxGrowth <= 2 * 1024 * 1024;
console.log(`| ${ratio.toFixed(1)}x | ${ours.p99.toFixed(2)} | ${mib(maxGrowth)} | ${met ? 'yes' : 'NO'} |`);
