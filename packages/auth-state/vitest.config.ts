import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The browser suite starts Chromium; on a busy 2-core machine that can take a while.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
