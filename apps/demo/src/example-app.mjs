import { createServer } from 'node:http';
import { toWebRequest } from '@clerk/backend/node';

/**
 * The example application: every request goes through `clerk.authenticateRequest`. Signed in → 200 with the
 * user and session ids; interstitial → 401 with the interstitial page; signed out or unknown → 401.
 * The state is also sent as `x-clerk-auth-status`, and the reason, when there is one, as `x-clerk-auth-reason`.
 */
export async function startExampleApp(clerk, { port = 0 } = {}) {
  const server = createServer(async (incoming, response) => {
    try {
      const state = await clerk.authenticateRequest({ request: toWebRequest(incoming) });
      const headers = { 'x-clerk-auth-status': state.status };
      if (state.reason) headers['x-clerk-auth-reason'] = state.reason;
      if (state.isSignedIn) {
        const { userId, sessionId, orgId } = state.toAuth();
        response.writeHead(200, { ...headers, 'content-type': 'application/json' });
        response.end(JSON.stringify({ signedIn: true, userId, sessionId, orgId: orgId ?? null }));
      } else if (state.isInterstitial) {
        response.writeHead(401, { ...headers, 'content-type': 'text/html' });
        response.end(clerk.localInterstitial({ publishableKey: state.publishableKey }));
      } else {
        response.writeHead(401, { ...headers, 'content-type': 'application/json' });
        response.end(JSON.stringify({ signedIn: false, reason: state.reason, message: state.message }));
      }
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error?.message ?? error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    close: () =>
      new Promise(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
