// Import cost: each sample is a fresh `node` process that imports one module and exits. Rounds are interleaved
// (bare node, the empty module, then every module, again and again), so load from elsewhere on the machine hits
// every row alike; each row is the median of its samples. Two clocks per sample: the wall-clock time of the
// whole process as this parent sees it (spawn to exit), and the CPU time (user + system) the child reports just
// before it exits, which counts Node's start-up too. "Above bare node" subtracts the median of the same clock
// for bare `node -e` running the same reporting line and importing nothing (so it includes starting the ESM
// loader); "above the empty module" subtracts the CPU median of importing an empty ES module file instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROUNDS = 15;
const TARGET_MS = 10;

const emptyDir = mkdtempSync(join(tmpdir(), 'import-bench-'));
const emptyModule = join(emptyDir, 'empty.mjs');
writeFileSync(emptyModule, '');

// The child's CPU time since its start, then the CPU time of its script alone (after Node's start-up).
const report =
  'const u = process.cpuUsage(); process.stdout.write(JSON.stringify([(u.user + u.system) / 1000, (u.user + u.system - start.user - start.system) / 1000]));';
const esm = specifier => [
  '--input-type=module',
  '-e',
  `const start = process.cpuUsage(); await import(${JSON.stringify(specifier)}); ${report}`,
];
const rows = {
  'bare `node -e` (nothing imported)': ['-e', `const start = process.cpuUsage(); ${report}`],
  'an empty ES module (file)': esm(pathToFileURL(emptyModule).href),
  '@clerk/jwt-core': esm('@clerk/jwt-core'),
  '@clerk/jwks-resolver (with jwt-core)': esm('@clerk/jwks-resolver'),
  '@clerk/bapi-client (with jwt-core)': esm('@clerk/bapi-client'),
  '@clerk/auth-state (with jwt-core, jwks-resolver)': esm('@clerk/auth-state'),
  '@clerk/webhooks': esm('@clerk/webhooks'),
  '@clerk/backend (the umbrella, every package)': esm('@clerk/backend'),
  "@clerk/backend, CommonJS `require('@clerk/backend')`": [
    '-e',
    `const start = process.cpuUsage(); require('@clerk/backend'); ${report}`,
  ],
  jose: esm('jose'),
  'fast-jwt': esm('fast-jwt'),
  '@clerk/backend 0.38.15': esm('clerk-backend-038'),
  '@clerk/backend 3.x': esm('clerk-backend-3'),
};
const BARE = 'bare `node -e` (nothing imported)';
const EMPTY = 'an empty ES module (file)';
const UMBRELLA = '@clerk/backend (the umbrella, every package)';

// NODE_EXTRA_CA_CERTS makes every Node process parse a CA bundle at start-up (about 100 ms on the project
// machine), and NODE_OPTIONS could preload anything: neither is part of what an import costs.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NODE_OPTIONS;

const samples = Object.fromEntries(Object.keys(rows).map(name => [name, { wall: [], cpu: [], script: [] }]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, args] of Object.entries(rows)) {
    const start = performance.now();
    const child = spawnSync(process.execPath, args, { cwd: import.meta.dirname, encoding: 'utf8', env });
    const wall = performance.now() - start;
    if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`);
    const [cpu, script] = JSON.parse(child.stdout);
    samples[name].wall.push(wall);
    samples[name].cpu.push(cpu);
    samples[name].script.push(script);
  }
}
rmSync(emptyDir, { recursive: true, force: true });

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const result = Object.fromEntries(
  Object.entries(samples).map(([name, s]) => [
    name,
    { wall: median(s.wall), cpu: median(s.cpu), script: median(s.script) },
  ]),
);
const bare = result[BARE];
const empty = result[EMPTY];
const ms = value => value.toFixed(1);
console.log(
  `### Import in a fresh Node process (ms, median of ${ROUNDS} interleaved processes per row, Node ${process.version})\n`,
);
console.log(
  '| module (ESM `import()` unless said) | wall-clock | above bare node | CPU | above bare node | above the empty module | CPU after start-up |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [name, r] of Object.entries(result)) {
  console.log(
    `| ${name} | ${ms(r.wall)} | ${ms(r.wall - bare.wall)} | ${ms(r.cpu)} | ${ms(r.cpu - bare.cpu)} | ${ms(r.cpu - empty.cpu)} | ${ms(r.script)} |`,
  );
}
const umbrella = result[UMBRELLA];
console.log('\n### Target (issue 18)\n');
console.log('| measure | result | target | met |\n|---|---:|---:|---|');
for (const [clock, value] of [
  ['CPU', umbrella.cpu - bare.cpu],
  ['wall-clock', umbrella.wall - bare.wall],
]) {
  console.log(
    `| \`import('@clerk/backend')\` above bare node, ${clock} | ${ms(value)} ms | <= ${TARGET_MS} ms | ${value <= TARGET_MS ? 'yes' : 'NO'} |`,
  );
}
