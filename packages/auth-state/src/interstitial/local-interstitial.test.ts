import { describe, expect, it } from 'vitest';
import { createAuthenticateRequest, loadInterstitialFromLocal } from '../index';

const DEV_PK = 'pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk'; // foo-bar-13.clerk.accounts.dev
const PROD_PK = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k'; // clerk.example.com

const scriptSrc = (html: string) => html.match(/script\.src = "([^"]*)";/)?.[1];

describe('loadInterstitialFromLocal: script URL', () => {
  it('defaults to clerk-js major 4 on the frontend API', () => {
    expect(scriptSrc(loadInterstitialFromLocal({ publishableKey: DEV_PK }))).toBe(
      'https://foo-bar-13.clerk.accounts.dev/npm/@clerk/clerk-js@4/dist/clerk.browser.js',
    );
  });

  it('uses the clerk-prefixed domain in production, with an explicit version', () => {
    const html = loadInterstitialFromLocal({
      publishableKey: PROD_PK,
      domain: 'satellite.com',
      clerkJSVersion: '4.60.0',
    });
    expect(scriptSrc(html)).toBe(
      'https://clerk.satellite.com/npm/@clerk/clerk-js@4.60.0/dist/clerk.browser.js',
    );
  });

  it('ignores the domain for dev frontend APIs', () => {
    const html = loadInterstitialFromLocal({ publishableKey: DEV_PK, domain: 'satellite.com' });
    expect(scriptSrc(html)).toBe(
      'https://foo-bar-13.clerk.accounts.dev/npm/@clerk/clerk-js@4/dist/clerk.browser.js',
    );
  });

  it('loads through the proxy, with the major of the deprecated pkgVersion', () => {
    const html = loadInterstitialFromLocal({
      publishableKey: PROD_PK,
      proxyUrl: 'https://example.com/__clerk',
      pkgVersion: '3.1.0',
    });
    expect(scriptSrc(html)).toBe('https://example.com/__clerk/npm/@clerk/clerk-js@3/dist/clerk.browser.js');
  });

  it('an explicit clerkJSUrl wins; an empty pkgVersion gives latest, or canary on staging', () => {
    expect(
      scriptSrc(
        loadInterstitialFromLocal({ publishableKey: DEV_PK, clerkJSUrl: 'https://cdn.test/clerk.js' }),
      ),
    ).toBe('https://cdn.test/clerk.js');
    expect(
      scriptSrc(loadInterstitialFromLocal({ frontendApi: 'clerk.example.com', pkgVersion: '' })),
    ).toContain('@latest/');
    expect(
      scriptSrc(loadInterstitialFromLocal({ frontendApi: 'foo.clerkstage.dev', pkgVersion: '' })),
    ).toContain('@canary/');
  });
});

describe('loadInterstitialFromLocal: globals and attributes', () => {
  it('sets the frontend API, debug data, proxy and raw domain, and the data attributes', () => {
    const html = loadInterstitialFromLocal({
      publishableKey: PROD_PK,
      proxyUrl: 'https://example.com/__clerk',
      domain: 'satellite.com',
      debugData: { reason: 'cookie-outdated' },
      isSatellite: true,
      signInUrl: 'https://primary.com/sign-in',
    });
    expect(html).toContain('window.__clerk_frontend_api = "clerk.example.com";');
    expect(html).toContain('window.__clerk_debug = {"reason":"cookie-outdated"};');
    expect(html).toContain('window.__clerk_proxy_url = "https://example.com/__clerk";');
    expect(html).toContain('window.__clerk_domain = "satellite.com";');
    expect(html).toContain(`script.setAttribute('data-clerk-publishable-key', "${PROD_PK}");`);
    expect(html).toContain(`script.setAttribute('data-clerk-domain', "satellite.com");`);
    expect(html).toContain(`script.setAttribute('data-clerk-proxy-url', "https://example.com/__clerk");`);
    expect(html).toContain(
      'isSatellite: true, isInterstitial: true, signInUrl: "https://primary.com/sign-in"',
    );
    expect(html).not.toContain('data-clerk-frontend-api');
  });

  it('falls back to data-clerk-frontend-api and leaves out what is not configured', () => {
    const html = loadInterstitialFromLocal({ frontendApi: 'clerk.legacy.dev' });
    expect(html).toContain(`script.setAttribute('data-clerk-frontend-api', "clerk.legacy.dev");`);
    expect(html).toContain('window.__clerk_debug = {};');
    expect(html).toContain('isSatellite: false, isInterstitial: true, signInUrl: undefined');
    expect(html).not.toContain('__clerk_proxy_url');
    expect(html).not.toContain('__clerk_domain');
    expect(html.startsWith('\n')).toBe(true);
    expect(html).toContain('<meta charset="UTF-8" />');
  });

  it('escapes every injected value for the script context (compatibility row 7)', () => {
    const hostile = `'";</script><script>alert(1)</script><!--\u2028&`;
    const html = loadInterstitialFromLocal({
      frontendApi: hostile,
      proxyUrl: hostile,
      domain: hostile,
      signInUrl: hostile,
      debugData: { hostile },
      clerkJSUrl: hostile,
    });
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('\u2028');
    const literal =
      '"\'\\";\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!--\\u2028\\u0026"';
    expect(html).toContain(`window.__clerk_domain = ${literal};`);
    expect(
      JSON.parse(
        literal
          .replace(/\\u003c/g, '<')
          .replace(/\\u003e/g, '>')
          .replace(/\\u0026/g, '&'),
      ),
    ).toBe(hostile);
  });
});

describe('localInterstitial (factory)', () => {
  it('fills instance options from the build-time ones, the call wins when truthy', () => {
    const { localInterstitial } = createAuthenticateRequest({
      options: { publishableKey: PROD_PK, domain: 'built.com', proxyUrl: '', env: {} },
    });
    expect(localInterstitial({})).toContain('window.__clerk_domain = "built.com";');
    expect(localInterstitial({ domain: 'call.com' })).toContain('window.__clerk_domain = "call.com";');
    expect(localInterstitial({})).toContain(`"${PROD_PK}"`);
  });
});
