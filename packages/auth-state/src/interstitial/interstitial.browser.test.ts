// The interstitial page in headless Chromium. clerk-js is replaced by a stand-in served from 127.0.0.1;
// every other request is answered locally or aborted, so nothing leaves the machine.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type InterstitialSite, startInterstitialSite } from '../../test/interstitial-site';
import type { LoadInterstitialOptions } from '../index';

const PROD_PK = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k'; // clerk.example.com
const CLERK_JS_4 = 'https://clerk.example.com/npm/@clerk/clerk-js@4/dist/clerk.browser.js';

let site: InterstitialSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let clerkJsRequests: string[];
let aborted: string[];
let pageErrors: string[];

beforeAll(async () => {
  site = await startInterstitialSite();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const FIREFOX_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

beforeEach(async ({ task }) => {
  clerkJsRequests = [];
  aborted = [];
  pageErrors = [];
  // One test poses as Firefox, which needs the form re-request instead of a reload for URLs with a hash.
  context = await browser.newContext(task.name.includes('Firefox') ? { userAgent: FIREFOX_USER_AGENT } : {});
  await context.route('**/*', async route => {
    const url = route.request().url();
    if (url.startsWith(`${site.url}/`)) return route.continue();
    if (/^https:\/\/[^/]+\/npm\/@clerk\/clerk-js@/.test(url)) {
      clerkJsRequests.push(url);
      const standIn = await route.fetch({ url: site.standInUrl });
      return route.fulfill({ response: standIn });
    }
    aborted.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', error => pageErrors.push(error.message));
  page.on('dialog', dialog => {
    pageErrors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
});

afterEach(async () => {
  await context?.close();
});

async function visit(options: LoadInterstitialOptions, query = '') {
  const path = site.addPage(options);
  await page.goto(`${site.url}${path}${query}`);
  return path;
}

describe('interstitial in Chromium', () => {
  it('requests the clerk-js script with the expected attributes and calls load', async () => {
    const path = await visit({ publishableKey: PROD_PK, domain: 'satellite.dev', proxyUrl: '' });
    const [report] = await site.waitForReports(path, 1);
    const satelliteScript = 'https://clerk.satellite.dev/npm/@clerk/clerk-js@4/dist/clerk.browser.js';
    expect(clerkJsRequests).toEqual([satelliteScript]);
    expect(report).toEqual({
      src: satelliteScript,
      attributes: {
        'data-clerk-publishable-key': PROD_PK,
        'data-clerk-domain': 'satellite.dev',
        crossorigin: 'anonymous',
      },
      options: { isSatellite: false, isInterstitial: true },
      globals: { frontendApi: 'clerk.example.com', debug: {}, domain: 'satellite.dev' },
      historyLength: expect.any(Number),
    });
    expect(aborted).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('passes the satellite settings to load and the proxy to the script', async () => {
    const path = await visit({
      publishableKey: PROD_PK,
      isSatellite: true,
      signInUrl: 'https://primary.dev/sign-in',
      proxyUrl: 'https://app.dev/__clerk',
      clerkJSUrl: CLERK_JS_4,
      debugData: { reason: 'satellite-needs-syncing' },
    });
    const [report] = await site.waitForReports(path, 1);
    expect(report!.options).toEqual({
      isSatellite: true,
      isInterstitial: true,
      signInUrl: 'https://primary.dev/sign-in',
    });
    expect(report!.attributes['data-clerk-proxy-url']).toBe('https://app.dev/__clerk');
    expect(report!.globals).toMatchObject({
      proxyUrl: 'https://app.dev/__clerk',
      debug: { reason: 'satellite-needs-syncing' },
    });
  });

  it('does not reload when clerk-js reports no session', async () => {
    const path = await visit({ publishableKey: PROD_PK });
    expect(clerkJsRequests).toEqual([CLERK_JS_4]);
    await site.waitForReports(path, 1);
    await page.waitForLoadState('networkidle');
    expect(site.hits(path)).toBe(1);
  });

  it('reloads the page when clerk-js reports a session', async () => {
    const path = await visit({ publishableKey: PROD_PK }, '?session=1&keep=me');
    await site.waitForHits(path, 2);
    const reports = await site.waitForReports(path, 2);
    expect(reports).toHaveLength(2);
    await page.waitForLoadState('networkidle');
    expect(page.url()).toBe(`${site.url}${path}?session=1&keep=me`);
    expect(site.hits(path)).toBe(2);
  });

  it('reloads a URL with a hash too', async () => {
    const path = await visit({ publishableKey: PROD_PK }, '?session=1#section');
    await site.waitForHits(path, 2);
    await site.waitForReports(path, 2);
    expect(page.url()).toBe(`${site.url}${path}?session=1#section`);
    const [first, second] = site.reports(path);
    expect(second!.historyLength).toBe(first!.historyLength);
  });

  it('as Firefox, a URL with a hash is requested again by a GET form carrying the query', async () => {
    const path = await visit({ publishableKey: PROD_PK }, '?session=1&keep=me&keep=twice#section');
    await site.waitForHits(path, 2);
    const reports = await site.waitForReports(path, 2);
    expect(reports).toHaveLength(2);
    await page.waitForLoadState('networkidle');
    expect(page.url()).toBe(`${site.url}${path}?session=1&keep=me&keep=twice#section`);
    expect(site.hits(path)).toBe(2);
    // pushState plus the form navigation: two new entries, where a reload would add none.
    expect(reports[1]!.historyLength).toBe(reports[0]!.historyLength + 2);
  });

  it('hostile option values execute no script and arrive intact (compatibility row 7)', async () => {
    const hostile = [
      `';window.__pwned='quote';//`,
      `"</script><script>window.__pwned='close-tag'</script>`,
      'javascript:window.__pwned="js-url"',
      `<img src=x onerror="window.__pwned='img'">`,
      `\u2028window.__pwned='separator'`,
      `<!--<script>window.__pwned='comment'`,
    ].join('');
    const path = await visit({
      frontendApi: hostile,
      domain: hostile,
      proxyUrl: hostile,
      signInUrl: `javascript:window.__pwned='sign-in'`,
      debugData: { hostile, nested: [hostile] },
      clerkJSUrl: CLERK_JS_4,
    });
    const [report] = await site.waitForReports(path, 1);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
    expect(report).toEqual({
      src: CLERK_JS_4,
      attributes: {
        'data-clerk-frontend-api': hostile,
        'data-clerk-domain': hostile,
        'data-clerk-proxy-url': hostile,
        crossorigin: 'anonymous',
      },
      options: { isSatellite: false, isInterstitial: true, signInUrl: `javascript:window.__pwned='sign-in'` },
      globals: {
        frontendApi: hostile,
        debug: { hostile, nested: [hostile] },
        proxyUrl: hostile,
        domain: hostile,
      },
      historyLength: expect.any(Number),
    });
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(2);
  });

  it('a javascript: script URL is never executed', async () => {
    const path = await visit({
      publishableKey: PROD_PK,
      clerkJSUrl: `javascript:window.__pwned='script-src'`,
    });
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(site.reports(path)).toEqual([]);
    expect(clerkJsRequests).toEqual([]);
  });
});
