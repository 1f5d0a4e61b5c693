import { deprecated } from '@clerk/jwt-core';
import { DEFAULT_CLERK_JS_PKG_VERSION } from '../constants';
import { addClerkPrefix, frontendApiOf, isDevOrStagingFrontendApi } from '../lib/publishable-key';
import { scriptLiteral } from './escape';
import { clerkJsScriptUrl } from './script-url';

export interface LoadInterstitialOptions {
  /** The instance's publishable key: its frontend API, and the script's `data-clerk-publishable-key`. */
  publishableKey?: string;
  /** @deprecated Use `publishableKey`. */
  frontendApi?: string;
  /** A full clerk-js script URL, instead of the one derived from the instance. */
  clerkJSUrl?: string;
  /** The clerk-js tag or version to load. */
  clerkJSVersion?: string;
  /** @deprecated Use `clerkJSVersion`. Its major selects the clerk-js tag. */
  pkgVersion?: string;
  /** Embedded as `window.__clerk_debug`. */
  debugData?: unknown;
  /** Passed to clerk-js's `load` as `isSatellite`. */
  isSatellite?: boolean;
  /** Passed to clerk-js's `load` as `signInUrl`. */
  signInUrl?: string;
  /** Loads clerk-js from the proxy; set as `window.__clerk_proxy_url` and `data-clerk-proxy-url`. */
  proxyUrl?: string;
  /**
   * A satellite's domain; set as `window.__clerk_domain` and `data-clerk-domain` (and, in production, the script
   * host).
   */
  domain?: string;
  /** Accepted and ignored, as in 0.x. */
  apiUrl?: string;
  /** Accepted and ignored, as in 0.x. */
  userAgent?: string;
}

/** The script URL: the explicit one, else clerk-js from the proxy, the production domain, or the frontend API. */
function scriptSource(options: LoadInterstitialOptions, frontendApi: string): string {
  if (options.clerkJSUrl) return options.clerkJSUrl;
  const domainOnlyInProd = isDevOrStagingFrontendApi(frontendApi) ? '' : addClerkPrefix(options.domain);
  const pkgVersion = options.pkgVersion === undefined ? DEFAULT_CLERK_JS_PKG_VERSION : options.pkgVersion;
  return clerkJsScriptUrl(options.proxyUrl || domainOnlyInProd || frontendApi, {
    pkgVersion,
    clerkJSVersion: options.clerkJSVersion,
  });
}

/**
 * The interstitial page: loads clerk-js so that it can refresh or sync the session cookies, then reloads the
 * page. Every injected value is JSON-encoded for the script context, so none can break out of it.
 */
export function loadInterstitialFromLocal(options: LoadInterstitialOptions): string {
  if (options.frontendApi) deprecated('frontendApi', 'Use `publishableKey` instead.');
  if (options.pkgVersion) deprecated('pkgVersion', 'Use `clerkJSVersion` instead.');
  const frontendApi = frontendApiOf(options.publishableKey, options.frontendApi);
  const { publishableKey, proxyUrl, domain, signInUrl, isSatellite } = options;
  const globals = [
    `window.__clerk_frontend_api = ${scriptLiteral(frontendApi)};`,
    `window.__clerk_debug = ${scriptLiteral(options.debugData || {})};`,
    proxyUrl ? `window.__clerk_proxy_url = ${scriptLiteral(proxyUrl)};` : '',
    domain ? `window.__clerk_domain = ${scriptLiteral(domain)};` : '',
  ].filter(Boolean);
  const loadOptions = `{ isSatellite: ${isSatellite ? 'true' : 'false'}, isInterstitial: true, signInUrl: ${
    signInUrl ? scriptLiteral(signInUrl) : 'undefined'
  } }`;
  const attributes = [
    publishableKey
      ? `script.setAttribute('data-clerk-publishable-key', ${scriptLiteral(publishableKey)});`
      : `script.setAttribute('data-clerk-frontend-api', ${scriptLiteral(frontendApi)});`,
    domain ? `script.setAttribute('data-clerk-domain', ${scriptLiteral(domain)});` : '',
    proxyUrl ? `script.setAttribute('data-clerk-proxy-url', ${scriptLiteral(proxyUrl)});` : '',
  ].filter(Boolean);
  // formRedirect re-requests the page by form because Firefox does not reload a URL that has a hash; a URL
  // without one is re-navigated so that the server runs again with the refreshed cookies.
  return `
  <head>
    <meta charset="UTF-8" />
    <style>
      @media (prefers-color-scheme: dark) {
        body { background-color: black; }
      }
    </style>
  </head>
  <body>
    <script>
      ${globals.join('\n      ')}
      window.startClerk = async () => {
        function formRedirect() {
          const form = document.createElement('form');
          form.method = 'get';
          form.name = 'redirect';
          for (const [name, value] of new URLSearchParams(window.location.search)) {
            const input = document.createElement('input');
            input.type = 'hidden';
            input.name = name;
            input.value = value;
            form.appendChild(input);
          }
          document.body.appendChild(form);
          const { origin, pathname, hash } = window.location;
          window.history.pushState({}, '', origin + pathname + hash);
          form.action = pathname + hash;
          form.submit();
        }
        const Clerk = window.Clerk;
        try {
          await Clerk.load(${loadOptions});
          if (Clerk.loaded) {
            if (window.location.href.indexOf('#') === -1) {
              window.location.href = window.location.href;
            } else if (window.navigator.userAgent.toLowerCase().includes('firefox/')) {
              formRedirect();
            } else {
              window.location.reload();
            }
          }
        } catch (err) {
          console.error('Clerk: ', err);
        }
      };
      (() => {
        const script = document.createElement('script');
        ${attributes.join('\n        ')}
        script.async = true;
        script.src = ${scriptLiteral(scriptSource(options, frontendApi))};
        script.crossOrigin = 'anonymous';
        script.addEventListener('load', startClerk);
        document.body.appendChild(script);
      })();
    </script>
  </body>
`;
}
