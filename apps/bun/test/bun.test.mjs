// The suite under `bun test`, importing the built packages from node_modules.
import { expect, test } from 'bun:test';
import { readContext, scenarios } from '@clerk/conformance';
import { signatureBackend } from '@clerk/jwt-core';

const context = readContext(process.env.CLERK_CONFORMANCE_CONTEXT);

test('runs in Bun', () => {
  expect(typeof Bun.version).toBe('string');
  console.log(`bun ${Bun.version}, signature backend ${signatureBackend}`);
});
for (const { name, run } of scenarios) test(name, () => run(context));
