import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Absolute paths of the extra Node.js binaries, keyed by major version. */
export const nodeBinaries = Object.fromEntries(
  ['node18', 'node22', 'node24'].map(name => [
    name.slice(4),
    join(dirname(require.resolve(`${name}/package.json`)), 'bin', 'node'),
  ]),
);
