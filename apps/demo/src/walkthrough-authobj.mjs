// An organisation member on today's session token (v2): the example app sees the organisation, and `has()`
// answers role, permission, feature, plan and reverification checks from the token alone.

/** Each check with the answer the token's claims call for, and why. */
const CHECKS = [
  [{ role: 'org:analyst' }, true, 'the membership role (rol: analyst)'],
  [{ permission: 'org:reports:delete' }, true, 'bit 1 of the reports mask'],
  [{ permission: 'org:billing:manage' }, false, 'the role has no such permission'],
  [{ feature: 'export' }, true, "the member's own features include it"],
  [{ plan: 'o:pro' }, true, "the organisation's plan"],
  [{ reverification: 'strict' }, false, 'second factor verified 30 min ago, limit 10'],
  [{ role: 'org:analyst', reverification: 'moderate' }, true, 'both hold (30 < 60 min)'],
];

const describeParams = params =>
  Object.entries(params)
    .map(([key, value]) => `${key}: '${value}'`)
    .join(', ');

/**
 * Signs an organisation member in with a v2 token (organisation features, plans, factor ages), calls the
 * example app with it, then asks `has()` of its auth object. One row per step; `ok` says it behaved as documented.
 */
export async function runAuthObjectWalkthrough({ instance, clerk, app }) {
  const owner = instance.createUser({});
  const member = instance.createUser({ emailAddress: ['grace@example.com'] });
  const organization = instance.createOrganization({ name: 'Acme Analytics', createdBy: owner.id });
  instance.setRolePermissions('org:analyst', ['org:billing:read', 'org:reports:read', 'org:reports:delete']);
  instance.addOrganizationMember({ organizationId: organization.id, userId: member.id, role: 'org:analyst' });
  instance.setSubscription(organization.id, { plan: 'pro', features: ['billing', 'reports'] });
  instance.setSubscription(member.id, { plan: 'free', features: ['export'] });
  const session = instance.signIn({
    userId: member.id,
    organizationId: organization.id,
    token: { factorVerificationAge: [5, 30] },
  });

  const rows = [];
  const response = await fetch(app.url, { headers: { authorization: session.authorizationHeader } });
  const body = await response.json();
  rows.push({
    step: 'organisation member, v2 token',
    request: 'Authorization: Bearer <v2 token>',
    http: response.status,
    state: response.headers.get('x-clerk-auth-status') ?? '?',
    details: `orgId ${body.orgId} (from the token's o claim)`,
    ok: response.status === 200 && body.orgId === organization.id,
  });

  const state = await clerk.authenticateRequest({
    request: new Request(`${app.url}/`, { headers: { authorization: session.authorizationHeader } }),
  });
  const auth = state.isSignedIn ? state.toAuth() : null;
  for (const [params, expected, why] of CHECKS) {
    const answer = auth ? auth.has(params) : null;
    rows.push({
      step: `has({ ${describeParams(params)} })`,
      request: 'toAuth() of the v2 token',
      state: String(answer),
      details: why,
      ok: answer === expected,
    });
  }
  return rows;
}
