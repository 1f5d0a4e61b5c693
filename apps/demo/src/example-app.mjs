import { createServer } from 'node:http';
import { redirectResponseFor, verifyMachineAuthToken } from '@clerk/backend';
import { toWebRequest } from '@clerk/backend/node';
import { verifyWebhook } from '@clerk/backend/webhooks';

// Machine routes: service-to-service calls with an M2M token, and API calls with an API key. Each verifies the
// Bearer token with verifyMachineAuthToken and accepts only its own kind of token.
const machineRoutes = new Map([
  ['/api/reports', 'm2m_token'],
  ['/api/export', 'api_key'],
]);

async function answerMachineRoute(incoming, response, accepted, machineAuth) {
  const token = /^Bearer (.+)$/.exec(incoming.headers.authorization ?? '')?.[1] ?? '';
  const result = await verifyMachineAuthToken(token, machineAuth);
  const reason = result.errors
    ? result.errors[0].code
    : result.tokenType === accepted
      ? ''
      : 'token-type-mismatch';
  const headers = { 'content-type': 'application/json', 'x-clerk-auth-reason': reason };
  headers['x-clerk-auth-status'] = reason ? 'signed-out' : 'signed-in';
  if (reason) {
    response.writeHead(401, headers);
    return response.end(
      JSON.stringify({ tokenType: result.tokenType, reason, message: result.errors?.[0]?.message }),
    );
  }
  const { id, subject, scopes } = result.data;
  response.writeHead(200, headers);
  response.end(JSON.stringify({ tokenType: result.tokenType, id, subject, scopes }));
}

/** The raw body of a Node request, exactly as it arrived: what a webhook signature covers. */
async function readRawBody(incoming) {
  const chunks = [];
  for await (const chunk of incoming) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * `POST /api/webhooks`: verifies the delivery with `verifyWebhook` (the secret of the endpoint), keeps the
 * event in `webhooks` and answers 200; anything unverified is answered 400 with the reason.
 */
async function receiveWebhook(incoming, response, signingSecret, webhooks) {
  const request = toWebRequest(incoming, { body: await readRawBody(incoming) });
  try {
    const event = await verifyWebhook(request, { signingSecret });
    webhooks.push(event);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ received: event.type }));
  } catch (error) {
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ rejected: error.code ?? 'error', message: error.message }));
  }
}

/** Copies Fetch `Headers` to a Node response, each `set-cookie` line on its own. */
function writeHeaders(response, headers) {
  for (const [name, value] of headers) if (name !== 'set-cookie') response.setHeader(name, value);
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) response.setHeader('set-cookie', cookies);
}

/**
 * `/app/…`: the current call form, `clerk.authenticateRequest(request, options)`. A state with `location` (a
 * handshake, or the clean URL after a development handshake) is answered with `redirectResponseFor(state)`, the
 * 307 carrying every header of the state; otherwise the state's headers (`set-cookie` after a handshake, the
 * `x-clerk-auth-*` debug headers) go out with 200 (signed in) or 401 (signed out) and a JSON body.
 */
async function answerCurrentRoute(incoming, response, clerk, options) {
  const state = await clerk.authenticateRequest(toWebRequest(incoming), options);
  const redirect = redirectResponseFor(state);
  if (redirect) {
    writeHeaders(response, redirect.headers);
    response.statusCode = redirect.status;
    return response.end();
  }
  const signedIn = state.status === 'signed-in';
  const auth = signedIn ? state.toAuth() : null;
  writeHeaders(response, state.headers);
  response.setHeader('x-clerk-auth-status', state.status);
  response.setHeader('content-type', 'application/json');
  response.statusCode = signedIn ? 200 : 401;
  response.end(
    JSON.stringify(
      signedIn
        ? { signedIn, userId: auth.userId, sessionId: auth.sessionId }
        : { signedIn, reason: state.reason, message: state.message },
    ),
  );
}

/**
 * The example application: every request goes through `clerk.authenticateRequest`; paths under `/app/` in the
 * current call form with `currentOptions` (see answerCurrentRoute), the others in the 0.x form: signed in →
 * 200 with the user and session ids; interstitial → 401 with the interstitial page; signed out or unknown → 401.
 * The state is also sent as `x-clerk-auth-status`, and the reason, when there is one, as `x-clerk-auth-reason`.
 * With a `webhookSigningSecret`, `POST /api/webhooks` receives Clerk webhooks (see receiveWebhook).
 */
export async function startExampleApp(
  clerk,
  { port = 0, machineAuth = {}, webhookSigningSecret, currentOptions = {} } = {},
) {
  const webhooks = [];
  const server = createServer(async (incoming, response) => {
    try {
      const { pathname } = new URL(incoming.url, 'http://127.0.0.1');
      if (pathname.startsWith('/app/'))
        return await answerCurrentRoute(incoming, response, clerk, currentOptions);
      const machineRoute = machineRoutes.get(pathname);
      if (machineRoute) return await answerMachineRoute(incoming, response, machineRoute, machineAuth);
      if (webhookSigningSecret && incoming.method === 'POST' && incoming.url === '/api/webhooks')
        return await receiveWebhook(incoming, response, webhookSigningSecret, webhooks);
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
    /** The verified webhook events, oldest first. */
    webhooks,
    close: () =>
      new Promise(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
