import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// The suite runs inside workerd; the host context arrives as a plain-text binding.
export default defineConfig({
  plugins: [
    cloudflareTest({
      miniflare: {
        compatibilityDate: '2026-05-01',
        bindings: { CLERK_CONFORMANCE_CONTEXT: process.env.CLERK_CONFORMANCE_CONTEXT ?? '' },
      },
    }),
  ],
  test: {
    include: ['test/**/*.test.mjs'],
  },
});
