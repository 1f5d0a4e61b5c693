import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Key generation in the tests takes seconds when the machine is loaded.
    testTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
