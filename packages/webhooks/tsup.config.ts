import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/index.node.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'es2022',
  // Built-ins keep their `node:` prefix (Deno and the edge bundlers resolve only that form).
  removeNodeProtocol: false,
  platform: 'neutral',
  splitting: false,
  external: ['node:crypto'],
});
