#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { decodeJwt } from '@clerk/jwt-core';
import { startLocalInstance } from './start-local-instance';

const usage = `Usage: clerk-local-instance [--port <n>] [--frontend-api <host>] [--secret-key <sk_test_...>] [--user <email>]
                            [--serve-frontend-api] [--production]
                            [--webhook-url <url>] [--webhook-secret <whsec_...>]

Starts an offline Clerk instance on 127.0.0.1 and prints its keys as environment variables.
--user creates that user, signs them in and prints a ready session cookie and Bearer header
(valid for 60 s, like real session tokens).
--serve-frontend-api also serves the Frontend API (handshake, sign-in page) over HTTPS; --production makes a
pk_live_/sk_live_ instance.
--webhook-url delivers a signed webhook for every change to that URL (repeatable).
Runs until interrupted (Ctrl-C).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'frontend-api': { type: 'string' },
      'secret-key': { type: 'string' },
      user: { type: 'string', multiple: true },
      'webhook-url': { type: 'string', multiple: true },
      'webhook-secret': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'serve-frontend-api': { type: 'boolean' },
      production: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`--port must be 0-65535, got ${values.port}`);
  const instance = await startLocalInstance({
    port,
    frontendApi: values['frontend-api'],
    secretKey: values['secret-key'],
    serveFrontendApi: values['serve-frontend-api'],
    instanceType: values.production ? 'production' : 'development',
    webhookUrls: values['webhook-url'],
    webhookSigningSecret: values['webhook-secret'],
  });
  console.log(`Local Clerk instance listening on ${instance.apiUrl}`);
  console.log(`CLERK_API_URL=${instance.apiUrl}`);
  console.log(`CLERK_SECRET_KEY=${instance.secretKey}`);
  console.log(`CLERK_PUBLISHABLE_KEY=${instance.publishableKey}`);
  console.log(`CLERK_JWKS_URL=${instance.jwksUrl}`);
  if (instance.frontendApiUrl) {
    console.log(`CLERK_FRONTEND_API_URL=${instance.frontendApiUrl}`);
    console.log(`Sign-in page: ${instance.signInUrl}?redirect_url=<your app URL>`);
  }
  console.log(`CLERK_WEBHOOK_SIGNING_SECRET=${instance.webhookSigningSecret}`);
  for (const email of values.user ?? []) {
    const user = instance.createUser({ emailAddress: [email] });
    const session = instance.signIn({ userId: user.id });
    console.log(`\nuser ${email} (${user.id}), session ${session.sessionId}`);
    console.log(`Cookie: ${session.cookies.header}`);
    console.log(`Authorization: ${session.authorizationHeader}`);
    const { exp, iat } = decodeJwt(session.token).payload;
    console.log(
      `(the session token in both expires in ${exp - (iat ?? exp)} s, at ${new Date(exp * 1000).toISOString()}; ` +
        'restart to print fresh ones)',
    );
  }
  const shutdown = () => {
    instance.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage);
  process.exit(1);
});
