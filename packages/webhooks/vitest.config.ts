import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The differential test runs 400 deliveries through both builds and the reference library: seconds when
    // the machine is loaded.
    testTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
