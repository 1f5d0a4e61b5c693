#!/usr/bin/env node
// `conformance-host <command> [args...]`: starts the 127.0.0.1 servers, runs the command with the context in
// CLERK_CONFORMANCE_CONTEXT, stops the servers and exits with the command's exit code.
import { spawn } from 'node:child_process';
import { CONTEXT_VARIABLE, startHost } from './host.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: conformance-host <command> [args...]');
  process.exit(2);
}

const host = await startHost();
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, [CONTEXT_VARIABLE]: JSON.stringify(host.context) },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
const code = await new Promise(resolve => {
  child.on('error', error => {
    console.error(`conformance-host: cannot run ${command}: ${error.message}`);
    resolve(127);
  });
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
});
await host.close();
process.exit(code);
