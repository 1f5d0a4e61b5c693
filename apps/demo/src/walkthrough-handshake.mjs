// The handshake of the current call form, walked through as a browser would: a first visit, the sign-in page, a
// session token that expired and is refreshed by a handshake, and a Frontend API that loops until the loop
// guard stops it. It runs against its own local instance started with `serveFrontendApi: true` (development),
// whose Frontend API is HTTPS with a self-signed certificate, and its own example app on the `/app/` routes.
//
// The "browser" is a few lines of node:http / node:https, not fetch: Node's fetch cannot be told to trust one
// certificate without an undici Agent (not a dependency here), while node:https takes the instance's
// certificate as its `ca` (`instance.frontendApiCertificatePem`), so the certificate is verified, not ignored.
// It follows every redirect itself (at most 20 hops, like a browser) and keeps one cookie jar per origin,
// honouring `Max-Age=0` and past `Expires` deletions; nothing else about cookies matters to these steps.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Clerk } from '@clerk/backend';
import { startLocalInstance } from '@clerk/local-instance';
import { startExampleApp } from './example-app.mjs';

const MAX_HOPS = 20;

function send(url, { method, headers, body, ca }) {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(target, { method, headers, ca, timeout: 10_000 }, incoming => {
      const chunks = [];
      incoming.on('data', chunk => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode,
          headers: incoming.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${url} timed out`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

class Browser {
  #jars = new Map();

  constructor(ca) {
    this.ca = ca;
  }

  jar(origin) {
    if (!this.#jars.has(origin)) this.#jars.set(origin, new Map());
    return this.#jars.get(origin);
  }

  #store(origin, lines = []) {
    for (const line of lines) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const gone = attributes.some(attribute => {
        const [key, value = ''] = attribute.trim().split('=');
        if (key.toLowerCase() === 'max-age') return Number(value) <= 0;
        return key.toLowerCase() === 'expires' && Date.parse(value) <= Date.now();
      });
      if (gone) this.jar(origin).delete(name);
      else this.jar(origin).set(name, pair.slice(at + 1).trim());
    }
  }

  /** Navigates to `url` (a document request) and follows redirects; `hops` are the answers, oldest first. */
  async visit(url, { method = 'GET', form } = {}) {
    const hops = [];
    let next = { url, method, body: form ? new URLSearchParams(form).toString() : undefined };
    while (hops.length < MAX_HOPS) {
      const { origin } = new URL(next.url);
      const cookie = [...this.jar(origin)].map(([name, value]) => `${name}=${value}`).join('; ');
      const headers = { accept: 'text/html', 'sec-fetch-dest': 'document', 'user-agent': 'Mozilla/5.0' };
      if (cookie) headers.cookie = cookie;
      if (next.body) headers['content-type'] = 'application/x-www-form-urlencoded';
      const answer = await send(next.url, { method: next.method, headers, body: next.body, ca: this.ca });
      this.#store(origin, answer.headers['set-cookie']);
      hops.push({
        url: next.url,
        status: answer.status,
        authStatus: answer.headers['x-clerk-auth-status'] ?? null,
        reason: answer.headers['x-clerk-auth-reason'] ?? null,
        body: answer.body,
      });
      if (!(answer.status >= 300 && answer.status < 400 && answer.headers.location)) return hops;
      next = { url: new URL(answer.headers.location, next.url).href, method: 'GET' };
    }
    throw new Error(`more than ${MAX_HOPS} redirects from ${url}`);
  }
}

const expiredReason = 'session-token-expired-refresh-non-eligible-no-refresh-cookie';

/**
 * The example app's answers only (the Frontend API hops in between are left out): `status state reason`. A
 * signed-in state carries no debug headers (3.11), so the 307 to the clean URL after a development handshake
 * that signed the user in shows as `clean-url`.
 */
const appHops = (hops, appUrl) =>
  hops
    .filter(hop => hop.url.startsWith(appUrl))
    .map(hop => `${hop.status} ${hop.authStatus ?? 'clean-url'}${hop.reason ? ` ${hop.reason}` : ''}`);

/** `307 dev-browser-missing, 401 …`, runs of the same answer written once with `×n`. */
function summary(seen) {
  const runs = [];
  for (const hop of seen) {
    const [status, state, reason] = hop.split(' ');
    const label = `${status} ${reason ?? state}`;
    if (runs.at(-1)?.label === label) runs.at(-1).count++;
    else runs.push({ label, count: 1 });
  }
  return runs.map(({ label, count }) => (count > 1 ? `${label} ×${count}` : label)).join(', ');
}

/** The walkthrough's rows, `ok` when the hops are exactly the documented ones (current-clerk.md 3.5, 3.7, 3.12). */
export async function runHandshakeWalkthrough() {
  const instance = await startLocalInstance({ serveFrontendApi: true });
  const clerk = Clerk({
    secretKey: instance.secretKey,
    publishableKey: instance.publishableKey,
    apiUrl: instance.apiUrl,
  });
  const app = await startExampleApp(clerk, { currentOptions: { signInUrl: instance.signInUrl } });
  // The SDK logs the loop guard; the rows show the outcome instead.
  const { log, error } = console;
  console.log = () => {};
  console.error = () => {};
  try {
    const browser = new Browser(instance.frontendApiCertificatePem);
    const userId = instance.createUser({ emailAddress: ['handshake@example.com'] }).id;
    const dashboard = `${app.url}/app/dashboard`;
    const appJar = () => browser.jar(app.url);
    const suffixed = name => `${name}_${instance.cookieSuffix}`;
    const rows = [];
    const row = (step, request, hops, expected, extra = '') => {
      const seen = appHops(hops, app.url);
      const last = hops.filter(hop => hop.url.startsWith(app.url)).at(-1);
      rows.push({
        step,
        request,
        http: last.status,
        state: last.authStatus,
        details: `${summary(seen)}${extra}`,
        ok: JSON.stringify(seen) === JSON.stringify(expected),
      });
      return rows.at(-1);
    };

    const first = await browser.visit(dashboard);
    const devBrowser = appJar().get(suffixed('__clerk_db_jwt')) ?? '';
    const firstRow = row(
      'first visit, handshake',
      'GET /app/dashboard (no cookies)',
      first,
      [
        '307 handshake dev-browser-missing',
        '307 signed-out session-token-missing',
        '401 signed-out session-token-and-uat-missing',
      ],
      `; ${suffixed('__clerk_db_jwt')}=${devBrowser.slice(0, 8)}…`,
    );
    firstRow.ok &&= devBrowser.startsWith('dvb_');

    const signedIn = await browser.visit(`${instance.frontendApiUrl}/sign-in`, {
      method: 'POST',
      form: { identifier: 'handshake@example.com', redirect_url: dashboard },
    });
    const signInRow = row(
      'sign-in page, handshake back',
      'POST <frontend API>/sign-in',
      signedIn,
      ['307 clean-url', '200 signed-in'],
      `; userId ${JSON.parse(signedIn.at(-1).body).userId}`,
    );
    signInRow.ok &&=
      JSON.parse(signedIn.at(-1).body).userId === userId && appJar().has(suffixed('__session'));

    // An hour later: the session token expired, the 2-second loop counter is long gone, no refresh cookie.
    const sessionId = JSON.parse(signedIn.at(-1).body).sessionId;
    const expire = () => {
      const hourAgo = Math.floor(Date.now() / 1000) - 3600;
      const expired = instance.mintSessionToken(sessionId, { issuedAt: hourAgo });
      for (const name of ['__session', suffixed('__session')]) appJar().set(name, expired);
      for (const name of ['__client_uat', suffixed('__client_uat')]) appJar().set(name, String(hourAgo));
      appJar().delete('__clerk_redirect_count');
      appJar().delete(suffixed('__refresh'));
      return expired;
    };
    const expired = expire();
    const refreshed = await browser.visit(dashboard);
    const refreshRow = row(
      'expired token, refreshed by handshake',
      'GET /app/dashboard (token 1 h old)',
      refreshed,
      [`307 handshake ${expiredReason}`, '307 clean-url', '200 signed-in'],
    );
    refreshRow.ok &&= appJar().get(suffixed('__session')) !== expired;

    instance.frontendApiFaults.set({ loop: true });
    expire();
    const looped = await browser.visit(dashboard);
    instance.frontendApiFaults.clear();
    row('Frontend API loops, guard stops it', 'GET /app/dashboard (looping FAPI)', looped, [
      ...Array(3).fill(`307 handshake ${expiredReason}`),
      `401 signed-out ${expiredReason}`,
    ]);
    return rows;
  } finally {
    console.log = log;
    console.error = error;
    await app.close();
    await instance.stop();
  }
}
