import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { verifyWebhook } from '@clerk/backend/webhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from './webhook-receiver';

// The built bin, as a user runs it (turbo builds before testing).
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

/** Collects stdout until `pattern` appears (or the process exits). */
async function readUntil(process: ChildProcess, pattern: RegExp): Promise<string> {
  let output = '';
  for await (const chunk of process.stdout!) {
    output += String(chunk);
    if (pattern.test(output)) break;
  }
  return output;
}

describe('clerk-local-instance CLI', () => {
  it('prints the keys, seeds a signed-in user, serves until SIGTERM, then exits 0', async () => {
    child = spawn(process.execPath, [cli, '--user', 'cli@example.com'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = await readUntil(child, /restart to print fresh ones/);
    const apiUrl = /CLERK_API_URL=(\S+)/.exec(output)?.[1];
    const secretKey = /CLERK_SECRET_KEY=(\S+)/.exec(output)?.[1];
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toMatch(/CLERK_PUBLISHABLE_KEY=pk_test_\S+/);
    expect(output).toMatch(/Cookie: __session=\S+; __client_uat=\d+/);
    expect(output).toMatch(/the session token in both expires in 60 s, at \d{4}-\d\d-\d\dT[\d:.]+Z/);
    const users = await fetch(`${apiUrl}/v1/users`, { headers: { authorization: `Bearer ${secretKey}` } });
    const [user] = await users.json();
    expect(user.email_addresses[0].email_address).toBe('cli@example.com');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('serves the Frontend API over HTTPS as a production instance when asked', async () => {
    child = spawn(process.execPath, [cli, '--serve-frontend-api', '--production'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = await readUntil(child, /redirect_url=<your app URL>\n/);
    const frontendApiUrl = /CLERK_FRONTEND_API_URL=(\S+)/.exec(output)?.[1];
    expect(frontendApiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toMatch(/CLERK_SECRET_KEY=sk_live_\S+/);
    const publishableKey = /CLERK_PUBLISHABLE_KEY=(pk_live_\S+)/.exec(output)?.[1];
    expect(atob(publishableKey!.slice('pk_live_'.length))).toBe(`${new URL(frontendApiUrl!).host}$`);
    expect(output).toContain(`Sign-in page: ${frontendApiUrl}/sign-in?redirect_url=<your app URL>`);
  });

  it('--webhook-url delivers the seeded user.created, signed with the printed CLERK_WEBHOOK_SIGNING_SECRET', async () => {
    const receiver = await startWebhookReceiver();
    try {
      child = spawn(
        process.execPath,
        [cli, '--webhook-url', receiver.url, '--user', 'hook-cli@example.com'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const output = await readUntil(child, /Authorization: Bearer \S+/);
      const signingSecret = /CLERK_WEBHOOK_SIGNING_SECRET=(whsec_\S+)/.exec(output)?.[1];
      expect(signingSecret).toBeDefined();
      // Delivery is asynchronous: wait for the user.created and session.created POSTs, bounded.
      for (let tries = 0; receiver.received.length < 2 && tries < 200; tries++)
        await new Promise(resolve => setTimeout(resolve, 25));
      const events = await Promise.all(
        receiver.received.map(webhook => verifyWebhook(receiver.requestOf(webhook), { signingSecret })),
      );
      expect(events.map(event => event.type)).toEqual(['user.created', 'session.created']);
      expect(events[0]!.data).toMatchObject({ email_addresses: [{ email_address: 'hook-cli@example.com' }] });
    } finally {
      await receiver.close();
    }
  });

  it('exits 1 with the usage for a bad port', async () => {
    child = spawn(process.execPath, [cli, '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', chunk => {
      stderr += String(chunk);
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('--port must be 0-65535');
    expect(stderr).toContain('Usage: clerk-local-instance');
  });
});
