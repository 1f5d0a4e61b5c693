// Plain launcher for a Node binary without a test runner: prints one line per scenario, exits 1 on a failure.
import { formatResult, readContext, runScenarios } from '@clerk/conformance';

const context = readContext(process.env.CLERK_CONFORMANCE_CONTEXT);
const results = await runScenarios(context, result => console.log(formatResult(result)));
console.log(
  `node ${process.version}: ${results.filter(r => r.ok).length}/${results.length} scenarios passed`,
);
process.exitCode = results.every(result => result.ok) ? 0 : 1;
