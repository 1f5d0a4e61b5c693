// A worker as a user writes one: Clerk() built from the keys in `env`, one authenticateRequest per request.
import { Clerk } from '@clerk/backend';
import { answerWithClerk } from '@clerk/conformance/smoke';

export default {
  fetch(request, env) {
    const clerk = Clerk({
      secretKey: env.CLERK_SECRET_KEY,
      publishableKey: env.CLERK_PUBLISHABLE_KEY,
      jwtKey: env.CLERK_JWT_KEY,
      apiUrl: env.CLERK_API_URL,
    });
    return answerWithClerk(clerk, request);
  },
};
