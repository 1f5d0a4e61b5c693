import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Generating 3072/4096-bit RSA keys for the tests takes seconds on a loaded machine.
    testTimeout: 30_000,
  },
});
