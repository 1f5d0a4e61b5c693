// Plain launcher for a Node binary without a test runner: prints one line per scenario, exits 1 on a failure.
import { formatResult, readContext, runScenarios } from '@clerk/conformance';
import { signatureBackend } from '@clerk/jwt-core';

const context = readContext(process.env.CLERK_CONFORMANCE_CONTEXT);
const results = await runScenarios(context, result => console.log(formatResult(result)));
const passed = results.filter(result => result.ok).length;
console.log(`node ${process.version} (${signatureBackend}): ${passed}/${results.length} scenarios passed`);
process.exitCode = passed === results.length ? 0 : 1;
