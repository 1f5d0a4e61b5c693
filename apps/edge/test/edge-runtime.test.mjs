// The suite inside the Edge Runtime VM (jest + @edge-runtime/jest-environment), importing the built packages.
import { readContext, scenarios } from '@clerk/conformance';
import { signatureBackend } from '@clerk/jwt-core';

const context = readContext(globalThis.CLERK_CONFORMANCE_CONTEXT);

describe('Vercel Edge Runtime (jest environment)', () => {
  test('runs in the edge VM on the WebCrypto path', () => {
    expect(typeof EdgeRuntime).toBe('string');
    expect(signatureBackend).toBe('webcrypto');
  });
  for (const { name, run } of scenarios) test(name, () => run(context));
});
