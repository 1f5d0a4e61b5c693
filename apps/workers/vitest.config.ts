import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // The suite runs inside workerd; the host context arrives as a plain-text binding.
        plugins: [
          cloudflareTest({
            miniflare: {
              compatibilityDate: '2026-05-01',
              bindings: { CLERK_CONFORMANCE_CONTEXT: process.env.CLERK_CONFORMANCE_CONTEXT ?? '' },
            },
          }),
        ],
        test: { name: 'workerd', include: ['test/workerd.test.mjs'] },
      },
      {
        // Drives `wrangler dev` from Node, as a user's HTTP client would.
        test: {
          name: 'wrangler-dev',
          include: ['test/wrangler-dev.test.mjs'],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
