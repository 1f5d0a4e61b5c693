import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The 3072/4096-bit keys are committed (test/keys); the 2048-bit and EC ones are still generated per run.
    testTimeout: 30_000,
  },
});
