// `wrangler dev` smoke: the worker in src/ (keys from `env`) answers an authenticated request and rejects a
// forged token with 401. The worker talks to the host's Backend API on 127.0.0.1.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readContext } from '@clerk/conformance';
import { smokeExpectations } from '@clerk/conformance/smoke';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const context = readContext(process.env.CLERK_CONFORMANCE_CONTEXT);
const appRoot = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 60_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url, child, output) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
  throw new Error(`wrangler dev did not answer within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

describe('wrangler dev: a worker using Clerk() with its keys from env', () => {
  let child;
  let baseUrl;
  let log = '';

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const vars = {
      CLERK_SECRET_KEY: context.secretKey,
      CLERK_PUBLISHABLE_KEY: context.publishableKey,
      CLERK_JWT_KEY: context.keys.rsa.publicPem,
      CLERK_API_URL: context.apiUrl,
    };
    const args = ['dev', '--config', 'wrangler.jsonc', '--ip', '127.0.0.1', '--port', String(port)];
    args.push('--show-interactive-dev-session=false', '--log-level=warn');
    for (const [name, value] of Object.entries(vars)) args.push(`--var=${name}:${value}`);
    child = spawn('wrangler', args, { cwd: appRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', chunk => {
      log += chunk;
    });
    child.stderr.on('data', chunk => {
      log += chunk;
    });
    await waitUntilServing(baseUrl, child, () => log);
  });

  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise(resolve => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  });

  for (const [name, headers, status, body] of smokeExpectations(context)) {
    it(name, async () => {
      const response = await fetch(`${baseUrl}/`, { headers });
      expect(await response.json()).toEqual(body);
      expect(response.status).toBe(status);
    });
  }
});
