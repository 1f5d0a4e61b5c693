import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  // A Node-only dev/test server: node:http and node:crypto are allowed here, unlike the SDK packages.
  platform: 'node',
});
