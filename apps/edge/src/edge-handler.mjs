// An Edge function as a bundler sees it: Clerk() with options inlined at build time (there is no `process`
// in a strict Edge Runtime), one authenticateRequest per request.
import { Clerk } from '@clerk/backend';
import { answerWithClerk } from '@clerk/conformance/smoke';

const clerk = Clerk(__CLERK_OPTIONS__);

addEventListener('fetch', event => {
  event.respondWith(answerWithClerk(clerk, event.request));
});
