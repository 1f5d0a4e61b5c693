import type { InstanceContext } from './api/router';
import { Router } from './api/router';
import { FaultSwitches } from './faults';
import { registerFrontendApiBackendRoutes } from './frontend-api/backend-routes';
import { type FrontendApiServer, startFrontendApiServer } from './frontend-api/server';
import {
  type FrontendApiFaultSettings,
  type FrontendApiFaults,
  FrontendApiState,
} from './frontend-api/state';
import { type InstanceType, newFrontendApiHost, newSecretKey, publishableKeyFor } from './keys/instance-keys';
import { type PublicJwk, SigningKeyring } from './keys/signing-keyring';
import { newId } from './lib/ids';
import { type LocalMachines, localMachines } from './machine/local-machines';
import { machineEndpoints } from './machine/machine-endpoints';
import { registerMachineRoutes } from './machine/machine-routes';
import { MachineStore } from './machine/machine-store';
import { registerAllowlistIdentifierRoutes } from './resources/allowlist-identifiers';
import { mintClientToken, registerClientRoutes } from './resources/clients';
import { registerIdentificationRoutes } from './resources/identifications';
import { registerInvitationRoutes } from './resources/invitations';
import {
  type CreateMembershipInput,
  type CreateOrganizationInput,
  createMembership,
  createOrganization,
  membershipJson,
  organizationJson,
  registerOrganizationRoutes,
} from './resources/organizations';
import { registerRedirectUrlRoutes } from './resources/redirect-urls';
import { createSession, registerSessionRoutes, requireSession } from './resources/sessions';
import { registerSignInTokenRoutes } from './resources/sign-in-tokens';
import { type CreateUserInput, createUser, registerUserRoutes, userJson } from './resources/users';
import { type InstanceServer, type RecordedRequest, startInstanceServer } from './server';
import { InstanceState, type JwtTemplate, type SessionTokenVersion, type Subscription } from './state';
import { mintSessionToken, type SessionTokenOptions } from './tokens/session-token';
import { registerWebhookRoutes } from './webhooks/routes';
import {
  newWebhookSecret,
  type WebhookDelivery,
  WebhookDispatcher,
  type WebhookEndpoint,
} from './webhooks/webhook-dispatcher';

export interface LocalInstanceOptions {
  /** TCP port on 127.0.0.1; default 0 (a free port chosen by the OS). */
  port?: number;
  /** Frontend API host encoded in the publishable key; default `local-<random>.clerk.accounts.dev`. */
  frontendApi?: string;
  /** Secret key the Backend API accepts; default a random `sk_test_...`. */
  secretKey?: string;
  /** Default `azp` of minted tokens (default `http://localhost:3000`); `null` leaves it out. */
  authorizedParty?: string | null;
  /** Default session-token lifetime in seconds (default 60, like real session tokens). */
  sessionTokenLifetimeSeconds?: number;
  /** Permissions per organization role, for `org_permissions` and memberships. */
  rolePermissions?: Record<string, string[]>;
  /** JWT templates by name, for `sessions.getToken(sessionId, name)`. */
  jwtTemplates?: Record<string, JwtTemplate>;
  /** RSA modulus length of the signing keys (default 2048). */
  keySize?: number;
  /**
   * `development` (default; `pk_test_`/`sk_test_` keys) or `production` (`pk_live_`/`sk_live_`): how the handshake
   * answers.
   */
  instanceType?: InstanceType;
  /**
   * Serve the Frontend API (handshake, sign-in page) over HTTPS on its own 127.0.0.1 port, and encode
   * `127.0.0.1:<that port>` in the publishable key (issuer `https://127.0.0.1:<port>`). Excludes `frontendApi`.
   */
  serveFrontendApi?: boolean;
  /** Port of the Frontend API's HTTPS listener; default 0 (a free port). */
  frontendApiPort?: number;
  /** Fault switches of the Frontend API at start (all off by default). */
  frontendApiFaults?: FrontendApiFaultSettings;
  /**
   * Format of minted session tokens: 2 (default, what Clerk issues today: `v: 2`, `o`, `fea`, `pla`, `fva`)
   * or 1 (the flat `org_*` claims 0.x reads). A token's own `version` option wins.
   */
  sessionTokenVersion?: SessionTokenVersion;
  /** Webhook endpoints to deliver every change to from the start (signed with `webhookSigningSecret`). */
  webhookUrls?: string[];
  /** The `whsec_...` secret webhook deliveries are signed with by default; default a random one. */
  webhookSigningSecret?: string;
  /** Pauses before each retry of a delivery that got no 2xx (default `[100, 1000, 5000]`: 3 retries). */
  webhookRetryDelaysMs?: number[];
}

/** A Backend API resource as the instance serves it (snake_case, the spec's shape). */
export type ResourceJson = {
  /** The resource id, e.g. `user_…`. */
  id: string;
  /** The resource kind, e.g. `user`. */
  object: string;
} & Record<string, unknown>;

export interface SignInOptions {
  /** An existing user (create one with `createUser` or through the Backend API). */
  userId: string;
  /** Make this organization active; the user must be a member. */
  organizationId?: string;
  /** Add the session to an existing client (multi-session); default a new client. */
  clientId?: string;
  /** Options for the session token minted with the sign-in. */
  token?: Omit<SessionTokenOptions, 'organizationId'>;
}

/** The `__session` and `__client_uat` cookies a browser holds after a sign-in. */
export interface SessionCookies {
  /** The session token. */
  __session: string;
  /** The epoch second of the sign-in. */
  __client_uat: string;
  /** Both, ready for a `Cookie` request header. */
  header: string;
}

export interface SignedInSession {
  /** The signed-in user. */
  userId: string;
  /** The new active session. */
  sessionId: string;
  /** The client the session belongs to. */
  clientId: string;
  /** The session token (JWT). */
  token: string;
  /** The client token `clients.verifyClient` accepts. */
  clientToken: string;
  /** Epoch seconds of the sign-in, the `__client_uat` value. */
  signedInAt: number;
  /** The cookies a browser would hold. */
  cookies: SessionCookies;
  /** `Bearer <token>`. */
  authorizationHeader: string;
}

export interface LocalInstance {
  /** `http://127.0.0.1:<port>`: pass as `apiUrl` (the Backend API is under `/v1`). */
  readonly apiUrl: string;
  /** The TCP port on 127.0.0.1. */
  readonly port: number;
  /** The only secret key the Backend API accepts. */
  readonly secretKey: string;
  /** `pk_test_` + base64(`<frontendApi>$`). */
  readonly publishableKey: string;
  /** The frontend API host, e.g. `local-ab12cd.clerk.accounts.dev`. */
  readonly frontendApi: string;
  /** `iss` of minted tokens: `https://<frontendApi>`. */
  readonly issuer: string;
  /** `<apiUrl>/v1/jwks` (needs the secret key). */
  readonly jwksUrl: string;
  /** `<apiUrl>/.well-known/jwks.json`, the frontend API's JWKS (no key needed). */
  readonly frontendJwksUrl: string;
  /** SPKI PEM of the current signing key, for networkless verification (`jwtKey`). */
  readonly publicKeyPem: string;
  /** Fault switches: latency, 429 bursts, 5xx bursts, JWKS outage. */
  readonly faults: FaultSwitches;
  /** The last 1000 requests the instance answered, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** The published JWKS. */
  jwks(): { keys: PublicJwk[] };
  /** Creates a user in process; returns its JSON as the Backend API would. */
  createUser(input: CreateUserInput): ResourceJson;
  /** Creates an organization; `createdBy` becomes its `admin`. */
  createOrganization(input: CreateOrganizationInput): ResourceJson;
  /** Adds a member to an organization; returns the membership JSON. */
  addOrganizationMember(input: CreateMembershipInput): ResourceJson;
  /** Adds a JWT template for `sessions.getToken(sessionId, name)`. */
  defineJwtTemplate(name: string, template: JwtTemplate): void;
  /**
   * Sets the plan and features of a user or an organization (by id), for the `pla` and `fea` claims of v2
   * tokens; an organization's features also decide which of its roles' permissions v2 tokens carry.
   */
  setSubscription(subjectId: string, subscription: Subscription): void;
  /** Sets the permissions (`org:<feature>:<name>`) of an organization role, for the tokens minted from now on. */
  setRolePermissions(role: string, permissions: string[]): void;
  /** Signs a user in: a client, an active session, a session token and the matching cookies. */
  signIn(options: SignInOptions): SignedInSession;
  /** A fresh session token for an existing session (default organization: the session's active one). */
  mintSessionToken(sessionId: string, options?: SessionTokenOptions): string;
  /** Cookies carrying `token`, with `__client_uat` = `clientUat` (epoch seconds; default now). */
  sessionCookies(token: string, clientUat?: number): SessionCookies;
  /** Machines, machine secret keys, M2M tokens, API keys, OAuth applications and access tokens. */
  readonly machines: LocalMachines;
  /** Signs exactly `payload` with the current key (no claim added): for crafting unusual tokens in tests. */
  signJwt(payload: Record<string, unknown>): string;
  /** Switches to a new signing key; the old one stays in the JWKS unless `keepPrevious` is false. */
  rotateSigningKey(options?: {
    /** Keep the old key in the JWKS, so tokens it signed still verify. Default true. */
    keepPrevious?: boolean;
  }): { kid: string };
  /** Empties the store and clears the faults; keys, templates, webhook endpoints and the port stay. */
  reset(): void;
  /** `development` or `production`, as started. */
  readonly instanceType: InstanceType;
  /** `https://127.0.0.1:<port>` with `serveFrontendApi`, else null. */
  readonly frontendApiUrl: string | null;
  /** PEM of the Frontend API's self-signed certificate with `serveFrontendApi` (trust it as `ca`), else null. */
  readonly frontendApiCertificatePem: string | null;
  /** `<frontendApiUrl>/sign-in` (add `?redirect_url=<absolute URL>`) with `serveFrontendApi`, else null. */
  readonly signInUrl: string | null;
  /** The suffix of `__session_<suffix>`, `__client_uat_<suffix>`, `__refresh_<suffix>` for this publishable key. */
  readonly cookieSuffix: string;
  /** Makes the Frontend API misbehave: wrong signing key, no cookies, redirect loops. */
  readonly frontendApiFaults: FrontendApiFaults;
  /** Closes the server and its open connections. Safe to call twice. */
  stop(): Promise<void>;
  /** The default signing secret of webhook endpoints: `CLERK_WEBHOOK_SIGNING_SECRET` for your handler. */
  readonly webhookSigningSecret: string;
  /**
   * Registers a webhook endpoint: every later change is POSTed to `url`, signed with `secret` (default the
   * instance's).
   */
  addWebhookEndpoint(
    url: string,
    options?: {
      /** The `whsec_...` secret its deliveries are signed with. Default: the instance's `webhookSigningSecret`. */
      secret?: string;
    },
  ): WebhookEndpoint;
  /** Stops delivering to an endpoint; false when there is no such endpoint. */
  removeWebhookEndpoint(endpointId: string): boolean;
  /** The registered webhook endpoints. */
  readonly webhookEndpoints: readonly WebhookEndpoint[];
  /** The last 1000 webhook deliveries, oldest first, each with its attempts. */
  readonly webhookDeliveries: readonly WebhookDelivery[];
  /** Resolves once every webhook delivery queued so far has been delivered or has run out of retries. */
  webhooksSettled(): Promise<void>;
}

const defaultRolePermissions: Record<string, string[]> = {
  admin: [
    'org:sys_profile:manage',
    'org:sys_profile:delete',
    'org:sys_memberships:read',
    'org:sys_memberships:manage',
    'org:sys_domains:read',
    'org:sys_domains:manage',
  ],
  basic_member: ['org:sys_memberships:read'],
};
defaultRolePermissions['org:admin'] = defaultRolePermissions.admin!;
defaultRolePermissions['org:member'] = defaultRolePermissions.basic_member!;

function buildRouter(): Router {
  const router = new Router();
  for (const register of [
    registerFrontendApiBackendRoutes, // first: /v1/clients/handshake_payload before /v1/clients/:client_id
    registerUserRoutes,
    registerIdentificationRoutes,
    registerSessionRoutes,
    registerClientRoutes,
    registerOrganizationRoutes,
    registerInvitationRoutes,
    registerAllowlistIdentifierRoutes,
    registerRedirectUrlRoutes,
    registerSignInTokenRoutes,
    registerMachineRoutes,
    registerWebhookRoutes,
  ])
    register(router);
  return router;
}

function sessionTokenVersionOf(version: SessionTokenVersion | undefined): SessionTokenVersion {
  if (version !== undefined && version !== 1 && version !== 2)
    throw new RangeError('sessionTokenVersion must be 1 or 2');
  return version ?? 2;
}

// A key becomes part of a comma-separated `scope:key` claim: commas and colons would change its meaning.
const claimKey = /^[^,:\s]+$/;

function checkedSubscription(
  ctx: InstanceContext,
  subjectId: string,
  subscription: Subscription,
): Subscription {
  if (!ctx.state.users.has(subjectId) && !ctx.state.organizations.has(subjectId))
    throw new Error(`No user or organization ${subjectId}.`);
  const { plan, features = [] } = subscription;
  for (const key of [...(plan ? [plan] : []), ...features])
    if (!claimKey.test(key)) throw new RangeError(`Invalid plan or feature key ${JSON.stringify(key)}.`);
  return { plan: plan ?? null, features: [...features] };
}

export const sessionCookiesFor = (token: string, clientUat: number): SessionCookies => ({
  __session: token,
  __client_uat: String(clientUat),
  header: `__session=${token}; __client_uat=${clientUat}`,
});

/** Starts an offline Clerk instance on 127.0.0.1: Backend API, JWKS, token minting. */
export async function startLocalInstance(options: LocalInstanceOptions = {}): Promise<LocalInstance> {
  const lifetime = options.sessionTokenLifetimeSeconds ?? 60;
  if (!Number.isInteger(lifetime) || lifetime < 1)
    throw new RangeError('sessionTokenLifetimeSeconds must be a positive integer');
  const instanceType = options.instanceType ?? 'development';
  if (instanceType !== 'development' && instanceType !== 'production')
    throw new TypeError('instanceType must be development or production');
  if (options.serveFrontendApi && options.frontendApi !== undefined)
    throw new TypeError('serveFrontendApi and frontendApi exclude each other');
  const secretKey = options.secretKey ?? newSecretKey(instanceType);
  if (!secretKey) throw new TypeError('secretKey must be a non-empty string');
  const keys = new SigningKeyring(options.keySize ?? 2048);
  const state = new InstanceState();
  for (const [name, template] of Object.entries(options.jwtTemplates ?? {}))
    state.jwtTemplates.set(name, template);
  const faults = new FaultSwitches();
  const webhooks = new WebhookDispatcher({
    signingSecret: options.webhookSigningSecret ?? newWebhookSecret(),
    retryDelaysMs: options.webhookRetryDelaysMs ?? [100, 1000, 5000],
    instanceId: newId('ins'),
  });
  for (const url of options.webhookUrls ?? []) webhooks.addEndpoint(url);
  let ctx: InstanceContext | undefined;
  const server: InstanceServer = await startInstanceServer(
    () => ctx!,
    buildRouter(),
    faults,
    secretKey,
    options.port ?? 0,
    machineEndpoints(),
  );
  const apiUrl = `http://127.0.0.1:${server.port}`;
  let frontendApiServer: FrontendApiServer | undefined;
  if (options.serveFrontendApi)
    frontendApiServer = await startFrontendApiServer(
      () => ctx!,
      server.requests,
      options.frontendApiPort ?? 0,
    ).catch((error: unknown) => {
      server.server.close();
      throw error;
    });
  const frontendApi = frontendApiServer
    ? `127.0.0.1:${frontendApiServer.port}`
    : (options.frontendApi ?? newFrontendApiHost());
  const publishableKey = publishableKeyFor(frontendApi, instanceType);
  const frontendApiState = new FrontendApiState(instanceType, publishableKey);
  if (options.frontendApiFaults) frontendApiState.faults.set(options.frontendApiFaults);
  const context: InstanceContext = {
    state,
    keys,
    apiUrl,
    frontendApi,
    issuer: `https://${frontendApi}`,
    authorizedParty:
      options.authorizedParty === undefined ? 'http://localhost:3000' : options.authorizedParty,
    sessionTokenLifetimeSeconds: lifetime,
    rolePermissions: { ...defaultRolePermissions, ...options.rolePermissions },
    frontendApiState,
    secretKey,
    machines: new MachineStore(keys, `https://${frontendApi}`),
    sessionTokenVersion: sessionTokenVersionOf(options.sessionTokenVersion),
    webhooks,
  };
  ctx = context;
  let stopped: Promise<void> | undefined;

  return {
    apiUrl,
    port: server.port,
    secretKey,
    publishableKey,
    frontendApi,
    issuer: context.issuer,
    jwksUrl: `${apiUrl}/v1/jwks`,
    frontendJwksUrl: `${apiUrl}/.well-known/jwks.json`,
    get publicKeyPem() {
      return keys.active.publicKeyPem;
    },
    faults,
    requests: server.requests,
    jwks: () => keys.jwks(),
    createUser: input => userJson(context, createUser(context, input)) as ResourceJson,
    createOrganization: input =>
      organizationJson(context, createOrganization(context, input)) as ResourceJson,
    addOrganizationMember: input => membershipJson(context, createMembership(context, input)) as ResourceJson,
    defineJwtTemplate: (name, template) => {
      state.jwtTemplates.set(name, template);
    },
    setSubscription: (subjectId, subscription) => {
      state.subscriptions.set(subjectId, checkedSubscription(context, subjectId, subscription));
    },
    setRolePermissions: (role, permissions) => {
      context.rolePermissions[role] = [...permissions];
    },
    signIn: signInOptions => {
      const session = createSession(context, {
        userId: signInOptions.userId,
        clientId: signInOptions.clientId,
        organizationId: signInOptions.organizationId ?? null,
      });
      const token = mintSessionToken(context, session, {
        ...signInOptions.token,
        organizationId: signInOptions.organizationId ?? null,
      });
      const signedInAt = Math.floor(session.createdAt / 1000);
      return {
        userId: session.userId,
        sessionId: session.id,
        clientId: session.clientId,
        token,
        clientToken: mintClientToken(context, state.clients.get(session.clientId)!),
        signedInAt,
        cookies: sessionCookiesFor(token, signedInAt),
        authorizationHeader: `Bearer ${token}`,
      };
    },
    mintSessionToken: (sessionId, tokenOptions) =>
      mintSessionToken(context, requireSession(context, sessionId), tokenOptions),
    sessionCookies: (token, clientUat = Math.floor(Date.now() / 1000)) => sessionCookiesFor(token, clientUat),
    machines: localMachines(context.machines),
    signJwt: payload => keys.sign(payload),
    rotateSigningKey: rotateOptions => ({ kid: keys.rotate(rotateOptions?.keepPrevious ?? true).kid }),
    instanceType,
    frontendApiUrl: frontendApiServer ? `https://${frontendApi}` : null,
    frontendApiCertificatePem: frontendApiServer?.certificatePem ?? null,
    signInUrl: frontendApiServer ? `https://${frontendApi}/sign-in` : null,
    cookieSuffix: frontendApiState.cookieSuffix,
    frontendApiFaults: frontendApiState.faults,
    reset: () => {
      state.reset();
      context.machines.reset();
      faults.clear();
      frontendApiState.reset();
    },
    webhookSigningSecret: webhooks.signingSecret,
    addWebhookEndpoint: (url, endpointOptions) => webhooks.addEndpoint(url, endpointOptions?.secret),
    removeWebhookEndpoint: endpointId => webhooks.removeEndpoint(endpointId),
    get webhookEndpoints() {
      return [...webhooks.endpoints.values()];
    },
    webhookDeliveries: webhooks.deliveries,
    webhooksSettled: () => webhooks.settled(),
    stop: () => {
      webhooks.stop();
      stopped ??= new Promise<void>(resolve => {
        frontendApiServer?.server.close();
        frontendApiServer?.server.closeAllConnections();
        server.server.close(() => resolve());
        server.server.closeAllConnections();
      });
      return stopped;
    },
  };
}
