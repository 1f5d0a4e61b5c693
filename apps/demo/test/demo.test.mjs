// Runs the demo as a user does (`node src/main.mjs`) and checks its exit code and the table it prints.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.mjs', import.meta.url));

async function runToEnd(args) {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => {
    stdout += chunk;
  });
  child.stderr.on('data', chunk => {
    stderr += chunk;
  });
  const [code] = await once(child, 'close');
  return { code, stdout, stderr };
}

test('the demo walks through every state and exits 0', { timeout: 60_000 }, async () => {
  const { code, stdout, stderr } = await runToEnd([]);
  assert.equal(code, 0, `exit ${code}\n${stdout}\n${stderr}`);
  const rows = stdout.split('\n').filter(line => /^[✓✗] +\d+ /.test(line));
  assert.equal(rows.length, 30, stdout);
  assert.ok(
    rows.every(row => row.startsWith('✓')),
    stdout,
  );
  const row = step => rows.find(line => line.includes(step)) ?? '';
  assert.match(row('create a user'), /200 +ok +\{ data: User user_\w+, errors: null \}/);
  assert.match(row('same email again'), /422 +error +\{ data: null, errors: \[form_identifier_exists\] \}/);
  assert.match(row('session cookie'), /200 +signed-in +userId user_\w+/);
  assert.match(row('Bearer header'), /200 +signed-in +userId user_\w+/);
  assert.match(row('cookie with an expired token'), /401 +interstitial +token-expired/);
  assert.match(row('Bearer with an expired token'), /401 +unknown +token-expired/);
  assert.match(row('an API client'), /401 +signed-out +header-missing-non-browser/);
  assert.match(row('signed-out browser'), /401 +signed-out +standard-signed-out/);
  assert.match(row('meets a 429'), /429 -> 200 +ok +retried/);
  assert.match(row('mints an M2M token'), /201 +ok +mt_\w+ for mch_\w+/);
  assert.match(row('service-to-service call'), /200 +signed-in +m2m_token mch_\w+/);
  assert.match(row('with an M2M JWT'), /200 +signed-in +m2m_token mch_\w+, 0 Backend API calls/);
  assert.match(row('API-key call'), /200 +signed-in +api_key user_\w+/);
  assert.match(row('on the API-key route'), /401 +signed-out +m2m_token token-type-mismatch/);
  assert.match(row('revoked API key'), /401 +signed-out +api_key token-invalid/);
  assert.match(row('organisation member, v2 token'), /200 +signed-in +orgId org_\w+/);
  assert.match(row("has({ permission: 'org:billing:manage' })"), /toAuth\(\) of the v2 token +false/);
  assert.match(row("has({ reverification: 'strict' })"), /toAuth\(\) of the v2 token +false/);
  assert.match(row("has({ plan: 'o:pro' })"), /toAuth\(\) of the v2 token +true/);
  assert.match(row('user.created webhook'), /200 +verified +user\.created user_\w+/);
  assert.match(
    row('forged webhook'),
    /400 +rejected +@clerk\/backend: Unable to verify incoming webhook: No matching signature found/,
  );
  const expired = 'session-token-expired-refresh-non-eligible-no-refresh-cookie';
  assert.match(
    row('first visit, handshake'),
    /401 +signed-out +307 dev-browser-missing, 307 session-token-missing, 401 session-token-and-uat-missing; __clerk_db_jwt_[\w-]{8}=dvb_/,
  );
  assert.match(
    row('sign-in page, handshake back'),
    /200 +signed-in +307 clean-url, 200 signed-in; userId user_\w+/,
  );
  assert.match(
    row('expired token, refreshed by handshake'),
    new RegExp(`200 +signed-in +307 ${expired}, 307 clean-url, 200 signed-in$`),
  );
  assert.match(
    row('Frontend API loops, guard stops it'),
    new RegExp(`401 +signed-out +307 ${expired} ×3, 401 ${expired}$`),
  );
  assert.match(stdout, /All 30 steps behaved as documented\./);
});

test('--serve keeps running, prints working curl lines, and stops on SIGTERM', {
  timeout: 60_000,
}, async () => {
  const child = spawn(process.execPath, [main, '--serve'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  for await (const chunk of child.stdout) {
    stdout += chunk;
    if (/\/v1\/users\n/.test(stdout)) break;
  }
  try {
    const bearerLine = stdout.split('\n').find(line => line.includes("-H 'Authorization: Bearer"));
    assert.ok(bearerLine, stdout);
    const [, authorization, url] = /-H '(Authorization: Bearer [^']+)' (\S+)/.exec(bearerLine);
    const response = await fetch(url, {
      headers: { authorization: authorization.slice('Authorization: '.length) },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-clerk-auth-status'), 'signed-in');
    assert.equal(response.headers.has('x-clerk-auth-reason'), false, 'no empty reason header when signed in');
    assert.match(stdout, /# -A Mozilla\/5\.0: .*non-browser user agent/);
    assert.match(stdout, /header-missing-non-browser/);
    const cookieLine = stdout.split('\n').find(line => line.includes("-H 'Cookie: "));
    const [, cookie] = /-H 'Cookie: ([^']+)'/.exec(cookieLine);
    const asCurl = await fetch(url, { headers: { cookie, 'user-agent': 'curl/8.0' } });
    assert.equal(asCurl.headers.get('x-clerk-auth-reason'), 'header-missing-non-browser');
    const asBrowser = await fetch(url, { headers: { cookie, 'user-agent': 'Mozilla/5.0' } });
    assert.equal(asBrowser.status, 200);
    assert.equal(child.exitCode, null, 'the demo must keep running with --serve');
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await once(child, 'close');
  assert.equal(code, 0);
});
