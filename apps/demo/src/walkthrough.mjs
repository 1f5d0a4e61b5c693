const browser = 'Mozilla/5.0 (demo browser)';

/** `{ data, errors }` of a Backend API result, as one readable line (`data` named as `kind` and its id). */
function describeResult(result, kind) {
  const data = result.data ? `${kind} ${result.data.id}` : 'null';
  const errors = result.errors ? `[${result.errors.map(error => error.code).join(', ')}]` : 'null';
  return `{ data: ${data}, errors: ${errors} }`;
}

/** One request to the example app, as a table row checked against the state it should produce. */
async function requestApp(app, step, request, headers, expected) {
  const response = await fetch(app.url, { headers });
  const status = response.headers.get('x-clerk-auth-status') ?? '?';
  const reason = response.headers.get('x-clerk-auth-reason');
  const body = await response.text();
  const details = status === 'signed-in' ? `userId ${JSON.parse(body).userId}` : reason || '';
  return {
    step,
    request: `GET / ${request}`,
    http: response.status,
    state: status,
    details: status === 'interstitial' ? `${details} (interstitial page, ${body.length} bytes)` : details,
    ok: status === expected.status && (!expected.reason || reason === expected.reason),
  };
}

/**
 * The README's story against a local instance: create a user through the Backend API, sign in, then call the
 * protected example app with a cookie, a Bearer header, an expired token and no credentials, and finally meet a
 * 429 that the client retries. Returns one row per step; `ok` says whether it behaved as documented.
 */
export async function runWalkthrough({ instance, clerk, app }) {
  const rows = [];

  const created = await clerk.users.createUser({ emailAddress: ['ada@example.com'], firstName: 'Ada' });
  rows.push({
    step: 'create a user (Backend API)',
    request: 'POST /v1/users',
    http: created.status,
    state: created.errors ? 'error' : 'ok',
    details: describeResult(created, 'User'),
    ok: Boolean(created.data?.id) && created.errors === null,
  });
  const userId = created.data?.id;
  if (!userId) return rows;

  const duplicate = await clerk.users.createUser({ emailAddress: ['ada@example.com'] });
  rows.push({
    step: 'same email again (Backend API)',
    request: 'POST /v1/users',
    http: duplicate.status,
    state: duplicate.errors ? 'error' : 'ok',
    details: describeResult(duplicate, 'User'),
    ok: duplicate.data === null && duplicate.errors?.[0]?.code === 'form_identifier_exists',
  });

  const session = instance.signIn({ userId });
  rows.push({
    step: 'sign in (local instance)',
    request: 'signIn({ userId })',
    state: 'session',
    details: `${session.sessionId}, token valid 60 s`,
    ok: true,
  });

  rows.push(
    await requestApp(
      app,
      'request with the session cookie',
      'Cookie: __session, __client_uat',
      { cookie: session.cookies.header, 'user-agent': browser },
      { status: 'signed-in' },
    ),
  );
  rows.push(
    await requestApp(
      app,
      'request with a Bearer header',
      'Authorization: Bearer <token>',
      { authorization: session.authorizationHeader },
      { status: 'signed-in' },
    ),
  );

  // Issued two minutes ago with the default 60 s lifetime: expired a minute ago.
  const expired = instance.mintSessionToken(session.sessionId, {
    issuedAt: Math.floor(Date.now() / 1000) - 120,
  });
  rows.push(
    await requestApp(
      app,
      'cookie with an expired token',
      'Cookie: __session (expired)',
      { cookie: instance.sessionCookies(expired, session.signedInAt).header, 'user-agent': browser },
      { status: 'interstitial', reason: 'token-expired' },
    ),
  );
  rows.push(
    await requestApp(
      app,
      'Bearer with an expired token',
      'Authorization: Bearer (expired)',
      { authorization: `Bearer ${expired}` },
      { status: 'unknown', reason: 'token-expired' },
    ),
  );
  rows.push(
    await requestApp(
      app,
      'no credentials (an API client)',
      'no cookie, no header',
      { 'user-agent': 'curl/8.5.0' },
      { status: 'signed-out', reason: 'header-missing-non-browser' },
    ),
  );
  rows.push(
    await requestApp(
      app,
      'no credentials (a signed-out browser)',
      'Cookie: __client_uat=0',
      { cookie: '__client_uat=0', 'user-agent': browser },
      { status: 'signed-out', reason: 'standard-signed-out' },
    ),
  );

  instance.faults.rateLimitNext(1, { retryAfterSeconds: 1 });
  const before = instance.requests.length;
  const fetched = await clerk.users.getUser(userId);
  const attempts = instance.requests.slice(before).filter(request => request.path === `/v1/users/${userId}`);
  rows.push({
    step: 'Backend API call meets a 429',
    request: 'GET /v1/users/:id',
    http: attempts.map(attempt => attempt.status).join(' -> '),
    state: fetched.errors ? 'error' : 'ok',
    details: `retried after Retry-After: 1 s; ${describeResult(fetched, 'User')}`,
    ok:
      fetched.data?.id === userId &&
      attempts.length === 2 &&
      attempts[0].status === 429 &&
      attempts[1].status === 200,
  });

  return rows;
}
