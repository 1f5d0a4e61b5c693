// Bundle sizes of the umbrella @clerk/backend (esbuild --minify, gzip -9, edge conditions) side by side with
// @clerk/backend 0.38.15 and 3.x (whose `createClerkClient` is the counterpart of `Clerk`); the budgets are enforced by packages/backend/test/size.test.ts. Then what each
// package contributes to `import { Clerk }`: its minified bytes, and its gzip share (the whole bundle's gzip
// size minus the gzip size of the bundle with that package's output left out, found through the source map).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundleSize } from './lib.mjs';

const KiB = 1024;
const rows = [
  ['`import { verifyToken }`', 'verifyToken', 'verifyToken', 7.5],
  ['`import { Clerk }` (every Backend API group + request authentication)', 'Clerk', 'createClerkClient', 41],
  ['`import * as backend` (every export)', '*', '*', undefined],
];
const entry = (pkg, name) => (name === '*' ? `export * from '${pkg}';` : `export { ${name} } from '${pkg}';`);
const kib = bytes => `${(bytes / KiB).toFixed(2)} KiB`;

console.log(
  '| import | @clerk/backend (gzip) | @clerk/backend 0.38.15 (gzip) | ratio | @clerk/backend 3.x (gzip) | ratio | budget |',
);
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const [label, name, currentName, budget] of rows) {
  const ours = await bundleSize(entry('@clerk/backend', name));
  const legacy = await bundleSize(entry('clerk-backend-038', name), 'browser');
  const current = await bundleSize(entry('clerk-backend-3', currentName));
  const verdict =
    budget === undefined ? '' : `<= ${budget} KiB: ${ours.gzip <= budget * KiB ? 'met' : 'NOT met'}`;
  console.log(
    `| ${label} | ${kib(ours.gzip)} | ${kib(legacy.gzip)} | ${(ours.gzip / legacy.gzip).toFixed(2)}x | ${kib(current.gzip)} | ${(ours.gzip / current.gzip).toFixed(2)}x | ${verdict} |`,
  );
}

// The same bundle as the size test, with a source map: each output character belongs to one package.
const result = await build({
  stdin: { contents: entry('@clerk/backend', 'Clerk'), resolveDir: import.meta.dirname, loader: 'js' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  conditions: ['worker', 'browser', 'import'],
  sourcemap: 'external',
  outfile: 'clerk.js',
  write: false,
  logLevel: 'silent',
});
const code = result.outputFiles.find(file => file.path.endsWith('.js')).text;
const map = JSON.parse(result.outputFiles.find(file => file.path.endsWith('.map')).text);
const packageOf = map.sources.map(source => /packages\/([^/]+)\//.exec(source)?.[1] ?? 'other');
const owners = packageOfEachCharacter(code, map.mappings, packageOf);
const total = gzipSync(code, { level: 9 }).length;
console.log(`\n| package (import { Clerk }) | minified (B) | gzip share (B) |`);
console.log('|---|---:|---:|');
for (const name of [...new Set(packageOf)].sort()) {
  let kept = '';
  let own = 0;
  for (let index = 0; index < code.length; index++) {
    if (owners[index] === name) own++;
    else kept += code[index];
  }
  if (own > 0) console.log(`| @clerk/${name} | ${own} | ${total - gzipSync(kept, { level: 9 }).length} |`);
}
console.log(`| whole bundle | ${code.length} | ${total} |`);

/** The package of every output character, from the source map's segments (unmapped ones count as `other`). */
function packageOfEachCharacter(text, mappings, sourcePackage) {
  const owners = new Array(text.length).fill('other');
  let lineStart = 0;
  let source = 0;
  const lines = text.split('\n');
  mappings.split(';').forEach((line, lineIndex) => {
    let column = 0;
    const segments = line ? line.split(',').map(decodeVlq) : [];
    for (let index = 0; index < segments.length; index++) {
      const segment = segments[index];
      column += segment[0];
      if (segment.length > 1) source += segment[1];
      // the later fields (line, column, name) are relative too, but only the source is needed here
      const end = index + 1 < segments.length ? column + segments[index + 1][0] : lines[lineIndex].length;
      const owner = segment.length > 1 ? sourcePackage[source] : 'other';
      for (let at = column; at < end; at++) owners[lineStart + at] = owner;
    }
    lineStart += (lines[lineIndex]?.length ?? 0) + 1;
  });
  return owners;
}

/** One source-map segment: base64 VLQ numbers. */
function decodeVlq(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
