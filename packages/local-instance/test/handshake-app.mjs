// An example application for the handshake flow, reusable by the demo: a node:http server on 127.0.0.1 that
// answers every request with the state of the `authenticate` function it is given (the current call form,
// `authenticateRequest(request, options)`), the way the first-party adapters do: any state with `location`
// becomes a 307 carrying all the state's headers.
import { createServer } from 'node:http';

const escapeHtml = text => String(text).replace(/[&<>"']/g, character => `&#${character.charCodeAt(0)};`);

/** A Fetch `Request` with the URL (from the Host header) and the headers of a Node request; GET/HEAD only carry no body. */
function toFetchRequest(incoming) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(`http://${incoming.headers.host ?? '127.0.0.1'}${incoming.url}`, {
    method: incoming.method,
    headers,
  });
}

/** Copies a state's headers onto a Node response, every `set-cookie` line on its own. */
function writeHeaders(response, headers) {
  for (const [name, value] of headers) if (name !== 'set-cookie') response.setHeader(name, value);
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) response.setHeader('set-cookie', cookies);
}

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

/**
 * Starts the example application.
 * `authenticate(request)` returns a request state (`status`, `reason`, `message`, `headers`, `toAuth()`).
 * `signInUrl` is where the signed-out page links to (`?redirect_url=<this URL>` is added).
 * Signed in → 200 with the user and session ids; a state with `location` → 307; signed out → 401 with a
 * sign-in link; a thrown error → 500 with its message. Every answer but `/favicon.ico` (404) is kept in `visits`.
 */
export async function startHandshakeApp({ authenticate, signInUrl, port = 0 }) {
  const visits = [];
  const server = createServer(async (incoming, response) => {
    if (incoming.url === '/favicon.ico') {
      response.statusCode = 404;
      return response.end();
    }
    const request = toFetchRequest(incoming);
    const visit = { url: request.url, status: 0, authStatus: null, reason: null, location: null };
    visits.push(visit);
    try {
      const state = await authenticate(request);
      visit.authStatus = state.status;
      visit.reason = state.reason;
      writeHeaders(response, state.headers);
      const location = state.headers.get('location');
      visit.location = location;
      if (location) {
        response.statusCode = 307;
        response.end();
      } else if (state.status === 'signed-in') {
        const { userId, sessionId } = state.toAuth();
        response.statusCode = 200;
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end(
          page(
            'Signed in',
            `<p id="status">signed-in</p><p id="user">${escapeHtml(userId)}</p><p id="session">${escapeHtml(sessionId)}</p>`,
          ),
        );
      } else {
        const link = signInUrl ? `${signInUrl}?${new URLSearchParams({ redirect_url: request.url })}` : null;
        response.statusCode = 401;
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end(
          page(
            'Signed out',
            `<p id="status">${escapeHtml(state.status)}</p><p id="reason">${escapeHtml(state.reason ?? '')}</p>` +
              (link ? `<a id="sign-in" href="${escapeHtml(link)}">Sign in</a>` : ''),
          ),
        );
      }
    } catch (error) {
      visit.authStatus = 'error';
      visit.reason = error instanceof Error ? error.message : String(error);
      response.statusCode = 500;
      response.setHeader('content-type', 'text/plain; charset=utf-8');
      response.end(visit.reason);
    }
    visit.status = response.statusCode;
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    visits,
    close: () =>
      new Promise(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
