// The README's demo: a local Clerk instance, an example Node server protected by Clerk().authenticateRequest,
// and a walk through the request states. `--serve` keeps both running and prints curl lines to try.
import { parseArgs } from 'node:util';
import { Clerk } from '@clerk/backend';
import { startLocalInstance } from '@clerk/local-instance';
import { startExampleApp } from './example-app.mjs';
import { formatTable } from './table.mjs';
import { runWalkthrough } from './walkthrough.mjs';
import { runAuthObjectWalkthrough } from './walkthrough-authobj.mjs';
import { runHandshakeWalkthrough } from './walkthrough-handshake.mjs';
import { machineAuthFor, runMachineWalkthrough } from './walkthrough-machine.mjs';
import { runWebhooksWalkthrough } from './walkthrough-webhooks.mjs';

const { values } = parseArgs({
  options: { serve: { type: 'boolean', default: false }, port: { type: 'string', default: '0' } },
});

const instance = await startLocalInstance();
const clerk = Clerk({
  secretKey: instance.secretKey,
  publishableKey: instance.publishableKey,
  apiUrl: instance.apiUrl,
});
const app = await startExampleApp(clerk, {
  port: Number(values.port),
  machineAuth: machineAuthFor(instance),
  webhookSigningSecret: instance.webhookSigningSecret,
});

const stop = async () => {
  await app.close();
  await instance.stop();
};

let rows;
try {
  console.log(`Local Clerk instance: ${instance.apiUrl} (frontend API ${instance.frontendApi})`);
  console.log(`Example app protected by Clerk().authenticateRequest: ${app.url}\n`);
  rows = await runWalkthrough({ instance, clerk, app });
  rows.push(...(await runMachineWalkthrough({ instance, app })));
  rows.push(...(await runAuthObjectWalkthrough({ instance, clerk, app })));
  rows.push(...(await runWebhooksWalkthrough({ instance, clerk, app })));
  rows.push(...(await runHandshakeWalkthrough()));
  console.log(formatTable(rows));
} catch (error) {
  await stop();
  throw error;
}

const failed = rows.filter(row => !row.ok);
console.log(
  failed.length === 0
    ? `\nAll ${rows.length} steps behaved as documented.`
    : `\n${failed.length} of ${rows.length} steps did not behave as documented.`,
);

if (!values.serve || failed.length > 0) {
  await stop();
  process.exit(failed.length === 0 ? 0 : 1);
}

// --serve: a user signed in for an hour, and commands to paste into another terminal.
const user = instance.createUser({ emailAddress: ['curl@example.com'] });
const session = instance.signIn({ userId: user.id, token: { lifetimeSeconds: 3600 } });
console.log('\nServing until Ctrl-C. Try (the session token is valid for one hour):\n');
console.log(
  '# -A Mozilla/5.0: on a development instance a cookie request from a non-browser user agent (curl)',
);
console.log(
  '# is signed-out with reason header-missing-non-browser (the 0.x rule), so this one claims a browser.',
);
console.log(`curl -i -A 'Mozilla/5.0' -H 'Cookie: ${session.cookies.header}' ${app.url}/`);
console.log(`curl -i -H '${`Authorization: ${session.authorizationHeader}`}' ${app.url}/`);
console.log(`curl -i ${app.url}/`);
console.log(`curl -s -H 'Authorization: Bearer ${instance.secretKey}' ${instance.apiUrl}/v1/users`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stop().then(() => process.exit(0));
  });
}
