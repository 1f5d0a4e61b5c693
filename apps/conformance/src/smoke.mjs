// The request handler of the smoke deployments (a `wrangler dev` worker, a strict EdgeRuntime bundle) and
// what they must answer. Web APIs only: it is bundled into both.

const json = (body, status) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Authenticates the request with a `Clerk()` client; signed in, it also loads the user from the Backend API. */
export async function answerWithClerk(clerk, request) {
  const state = await clerk.authenticateRequest({ request });
  if (!state.isSignedIn) return json({ status: state.status, reason: state.reason }, 401);
  const { userId, sessionId } = state.toAuth();
  const { data: user, errors } = await clerk.users.getUser(userId);
  return json({ status: state.status, userId, sessionId, firstName: user?.firstName ?? null, errors }, 200);
}

/** The answers expected for the host's tokens: `[name, request headers, HTTP status, JSON body]`. */
export const smokeExpectations = context => [
  [
    'a valid session token is signed-in, with the user from the Backend API',
    { authorization: `Bearer ${context.tokens.rs256}` },
    200,
    {
      status: 'signed-in',
      userId: context.userId,
      sessionId: context.sessionId,
      firstName: 'Conformance',
      errors: null,
    },
  ],
  [
    'a forged token is answered 401 token-invalid-signature',
    { authorization: `Bearer ${context.tokens.forged}` },
    401,
    { status: 'signed-out', reason: 'token-invalid-signature' },
  ],
  [
    'an expired token is answered 401 with the unknown state',
    { authorization: `Bearer ${context.tokens.expired}` },
    401,
    { status: 'unknown', reason: 'token-expired' },
  ],
];
