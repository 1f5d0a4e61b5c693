// The local interstitial page: the instance's globals and clerk-js script, with hostile values escaped.
import { assert } from '../assert.mjs';
import { loadInterstitialFromLocal } from '../library.mjs';
import { scenario } from '../scenario.mjs';

const HOSTILE = `</script><script>globalThis.pwned=1</script>'"`;

export const interstitialScenarios = [
  scenario('loadInterstitialFromLocal renders the page that loads clerk-js', context => {
    const html = loadInterstitialFromLocal({ publishableKey: context.publishableKey });
    assert.includes(html, '<meta charset="UTF-8" />', 'charset');
    assert.includes(html, 'window.__clerk_frontend_api', 'frontend API global');
    assert.includes(html, context.frontendApi, 'frontend API value');
    assert.includes(
      html,
      `https://${context.frontendApi}/npm/@clerk/clerk-js@4/dist/clerk.browser.js`,
      'script',
    );
    assert.includes(html, 'data-clerk-publishable-key', 'publishable key attribute');
    assert.includes(html, context.publishableKey, 'publishable key value');
    assert.includes(html, 'isInterstitial: true', 'Clerk.load option');
  }),
  scenario('loadInterstitialFromLocal escapes hostile option values', context => {
    const html = loadInterstitialFromLocal({
      publishableKey: context.publishableKey,
      debugData: { note: HOSTILE },
      signInUrl: HOSTILE,
      domain: HOSTILE,
      proxyUrl: HOSTILE,
    });
    assert.excludes(html, '<script>globalThis.pwned', 'no injected script element');
    assert.equal(html.split('</script>').length - 1, 1, 'only the page’s own script closes');
  }),
];
