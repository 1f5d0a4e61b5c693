// The conformance scenarios. Every harness runs this list unchanged, inside its runtime, against the built
// packages. `context` is the JSON the host made (src/host.mjs): keys, tokens and the 127.0.0.1 API URL.
import { acceptsTokenScenarios } from './scenarios/accepts-token.mjs';
import { authenticateRequestScenarios } from './scenarios/authenticate-request.mjs';
import { backendApiScenarios } from './scenarios/backend-api.mjs';
import { backendApiResourceScenarios } from './scenarios/backend-api-resources.mjs';
import { handshakeScenarios } from './scenarios/handshake.mjs';
import { interstitialScenarios } from './scenarios/interstitial.mjs';
import { jwksOutageScenarios } from './scenarios/jwks-outage.mjs';
import { jwtScenarios } from './scenarios/jwt.mjs';
import { machineScenarios } from './scenarios/machine.mjs';
import { requestStateDefaultsScenarios } from './scenarios/request-state-defaults.mjs';
import { sessionTokenV2Scenarios } from './scenarios/session-token-v2.mjs';
import { verifyTokenScenarios } from './scenarios/verify-token.mjs';
import { webhookScenarios } from './scenarios/webhooks.mjs';

export { assert, ConformanceAssertionError } from './assert.mjs';

/** The scenario list, in the order harnesses report it: `{ name, run(context) }`. */
export const scenarios = [
  ...jwtScenarios,
  ...verifyTokenScenarios,
  ...authenticateRequestScenarios,
  ...interstitialScenarios,
  ...backendApiScenarios,
  ...machineScenarios,
  ...sessionTokenV2Scenarios,
  ...webhookScenarios,
  ...requestStateDefaultsScenarios,
  ...backendApiResourceScenarios,
  ...handshakeScenarios,
  ...jwksOutageScenarios,
  ...acceptsTokenScenarios,
];

/** Parses the context the host passed (a JSON string), with a clear error when a launcher forgot it. */
export function readContext(text) {
  if (!text) throw new Error('No conformance context: run the harness through `conformance-host`.');
  return typeof text === 'string' ? JSON.parse(text) : text;
}

/** Runs every scenario in order; never throws. Calls `onResult` once per scenario. */
export async function runScenarios(context, onResult = () => {}) {
  const results = [];
  for (const { name, run } of scenarios) {
    let error = null;
    try {
      await run(context);
    } catch (thrown) {
      error = thrown;
    }
    const result = { name, ok: error === null, error };
    results.push(result);
    onResult(result);
  }
  return results;
}

/** One line per scenario, the same in every harness. */
export const formatResult = ({ name, ok, error }) =>
  ok ? `ok   ${name}` : `FAIL ${name}: ${error?.stack ?? error}`;
