// The suite under `deno test`, importing the built packages from node_modules.
import { readContext, scenarios } from '@clerk/conformance';
import { signatureBackend } from '@clerk/jwt-core';

const context = readContext(Deno.env.get('CLERK_CONFORMANCE_CONTEXT'));

Deno.test('runs in Deno', () => {
  if (typeof Deno.version?.deno !== 'string') throw new Error('not Deno');
  console.log(`deno ${Deno.version.deno}, signature backend ${signatureBackend}`);
});
for (const { name, run } of scenarios) Deno.test(name, () => run(context));
