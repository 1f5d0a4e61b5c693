// The suite inside workerd (via @cloudflare/vitest-pool-workers), importing the built packages.
import { env } from 'cloudflare:workers';
import { readContext, scenarios } from '@clerk/conformance';
import { signatureBackend } from '@clerk/jwt-core';
import { describe, expect, it } from 'vitest';

const context = readContext(env.CLERK_CONFORMANCE_CONTEXT);

describe('workerd', () => {
  it('runs inside workerd on the WebCrypto path', async () => {
    expect(navigator.userAgent).toBe('Cloudflare-Workers');
    expect(signatureBackend).toBe('webcrypto');
    const r = await fetch(`${context.apiUrl}/.well-known/jwks.json`);
    expect(r.status).toBe(200);
  });
  for (const { name, run } of scenarios) it(name, () => run(context));
});
