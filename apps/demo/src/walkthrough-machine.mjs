// Machine authentication against the example app: a service calls another with an M2M token (opaque, then a
// JWT verified networklessly), an API client calls with an API key, and revocation and the wrong token kind
// are refused. The tokens come from the local instance, so all of it runs offline.

/** How the example app verifies machine tokens (passed to startExampleApp as `machineAuth`). */
export const machineAuthFor = instance => ({
  secretKey: instance.secretKey,
  apiUrl: instance.apiUrl,
  jwtKey: instance.publicKeyPem,
  // Short, so the walkthrough shows a revocation being seen once the cache entry is gone (default 10 s).
  machineTokenCacheTtlInMs: 500,
});

async function backendApi(instance, method, path, body, bearer = instance.secretKey) {
  const response = await fetch(`${instance.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

async function callApp(app, path, token, step, request, expected) {
  const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.json();
  const state = response.headers.get('x-clerk-auth-status') ?? '?';
  const details =
    state === 'signed-in' ? `${body.tokenType} ${body.subject}` : `${body.tokenType} ${body.reason}`;
  return {
    step,
    request: `GET ${path} ${request}`,
    http: response.status,
    state,
    details,
    ok: response.status === expected.http && details.startsWith(expected.details),
  };
}

/** The machine steps; one row each, `ok` when it behaved as documented. */
export async function runMachineWalkthrough({ instance, app }) {
  const rows = [];
  const reports = instance.machines.createMachine({ name: 'reports-service' });
  const worker = instance.machines.createMachine({ name: 'nightly-worker', scopedMachineIds: [reports.id] });
  const minted = await backendApi(instance, 'POST', '/v1/m2m_tokens', {}, worker.secretKey);
  rows.push({
    step: 'a machine mints an M2M token',
    request: 'POST /v1/m2m_tokens (machine key)',
    http: minted.status,
    state: minted.json.token ? 'ok' : 'error',
    details: `${minted.json.id} for ${minted.json.subject}`,
    ok: minted.status === 201 && minted.json.subject === worker.id && minted.json.token?.startsWith('mt_'),
  });
  rows.push(
    await callApp(app, '/api/reports', minted.json.token, 'service-to-service call', 'Bearer mt_…', {
      http: 200,
      details: `m2m_token ${worker.id}`,
    }),
  );
  const jwt = instance.machines.createM2MToken(worker.id, { format: 'jwt' });
  const before = instance.requests.length;
  const jwtRow = await callApp(app, '/api/reports', jwt.token, 'same call with an M2M JWT', 'Bearer <jwt>', {
    http: 200,
    details: `m2m_token ${worker.id}`,
  });
  const requests = instance.requests.length - before;
  rows.push({
    ...jwtRow,
    details: `${jwtRow.details}, ${requests} Backend API calls`,
    ok: jwtRow.ok && requests === 0,
  });

  const userId = instance.createUser({ emailAddress: ['api-user@example.com'] }).id;
  const key = await backendApi(instance, 'POST', '/v1/api_keys', { name: 'export-cli', subject: userId });
  rows.push(
    await callApp(app, '/api/export', key.json.secret, 'API-key call', 'Bearer ak_…', {
      http: 200,
      details: `api_key ${userId}`,
    }),
  );
  rows.push(
    await callApp(app, '/api/export', minted.json.token, 'M2M token on the API-key route', 'Bearer mt_…', {
      http: 401,
      details: 'm2m_token token-type-mismatch',
    }),
  );
  await backendApi(instance, 'POST', `/v1/api_keys/${key.json.id}/revoke`, { revocation_reason: 'rotated' });
  await new Promise(resolve => setTimeout(resolve, 600)); // past the 0.5 s cache of successful verifications
  rows.push(
    await callApp(app, '/api/export', key.json.secret, 'revoked API key', 'Bearer ak_… (revoked)', {
      http: 401,
      details: 'api_key token-invalid',
    }),
  );
  return rows;
}
