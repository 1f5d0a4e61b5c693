// Runs every bench/*.bench.mjs in its own Node process, one after another (or only those named).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2).filter(a => a !== '--');
const files = readdirSync(import.meta.dirname)
  .filter(f => f.endsWith('.bench.mjs'))
  .filter(f => only.length === 0 || only.some(name => f.startsWith(name)))
  .sort();
let failed = false;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const result = spawnSync(process.execPath, [file], { cwd: import.meta.dirname, stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
