// Bundle sizes of the umbrella @clerk/backend (esbuild --minify, gzip -9, edge conditions) side by side with
// @clerk/backend 0.38.15; the budgets are enforced by packages/backend/test/size.test.ts.
import { bundleSize } from './lib.mjs';

const KiB = 1024;
const rows = [
  ['`import { verifyToken }`', 'verifyToken', 7.5],
  ['`import { Clerk }` (every Backend API group + request authentication)', 'Clerk', 26],
  ['`import * as backend` (every export)', '*', undefined],
];
const entry = (pkg, name) => (name === '*' ? `export * from '${pkg}';` : `export { ${name} } from '${pkg}';`);

console.log('| import | @clerk/backend (gzip) | @clerk/backend 0.38.15 (gzip) | ratio | budget |');
console.log('|---|---:|---:|---:|---|');
for (const [label, name, budget] of rows) {
  const ours = await bundleSize(entry('@clerk/backend', name));
  const legacy = await bundleSize(entry('clerk-backend-038', name), 'browser');
  const kib = bytes => `${(bytes / KiB).toFixed(2)} KiB`;
  const verdict =
    budget === undefined ? '' : `<= ${budget} KiB: ${ours.gzip <= budget * KiB ? 'met' : 'NOT met'}`;
  console.log(
    `| ${label} | ${kib(ours.gzip)} | ${kib(legacy.gzip)} | ${(ours.gzip / legacy.gzip).toFixed(2)}x | ${verdict} |`,
  );
}
