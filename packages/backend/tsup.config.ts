import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts', 'src/webhooks.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  // Built-ins keep their `node:` prefix (Deno and the edge bundlers resolve only that form).
  removeNodeProtocol: false,
  platform: 'neutral',
  // The User-Agent names this package's released version, so it follows `changeset version`.
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
});
