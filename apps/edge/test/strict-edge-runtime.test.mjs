/**
 * @jest-environment node
 */
// The umbrella bundled as Vercel bundles Edge code, then run in a strict `EdgeRuntime`: no `process`, no
// `Buffer`, no Node built-ins. The bundle must build without any `node:` module and authenticate requests.
import { fileURLToPath } from 'node:url';
import { readContext } from '@clerk/conformance';
import { smokeExpectations } from '@clerk/conformance/smoke';
import { EdgeRuntime } from 'edge-runtime';
import { build } from 'esbuild';

const context = readContext(process.env.CLERK_CONFORMANCE_CONTEXT);
const entry = fileURLToPath(new URL('../src/edge-handler.mjs', import.meta.url));
const APP_URL = 'https://app.conformance.test/dashboard';

let runtime;
let bundle;

beforeAll(async () => {
  const options = {
    secretKey: context.secretKey,
    publishableKey: context.publishableKey,
    apiUrl: context.apiUrl,
  };
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['edge-light', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    define: { __CLERK_OPTIONS__: JSON.stringify(options) },
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0].text;
  runtime = new EdgeRuntime({ initialCode: bundle });
});

const dispatch = async headers => {
  const response = await runtime.dispatchFetch(APP_URL, { headers });
  await response.waitUntil();
  return { status: response.status, body: await response.json() };
};

describe('strict EdgeRuntime running the bundled @clerk/backend', () => {
  test('the bundle pulls in no Node built-in', () => {
    expect(bundle).not.toMatch(/\brequire\(|from\s*["']node:|import\(["']node:/);
  });

  test('the runtime has no process, Buffer or setImmediate', () => {
    expect(runtime.evaluate('[typeof process, typeof Buffer, typeof setImmediate].join()')).toBe(
      'undefined,undefined,undefined',
    );
  });

  for (const [name, headers, status, body] of smokeExpectations(context)) {
    test(name, async () => {
      const answer = await dispatch(headers);
      expect(answer.body).toEqual(body);
      expect(answer.status).toBe(status);
    });
  }

  test('valid session cookies from a browser are signed-in', async () => {
    const cookie = `__session=${context.tokens.es256}; __client_uat=${context.claims.iat}`;
    const answer = await dispatch({
      cookie,
      host: 'app.conformance.test',
      'user-agent': 'Mozilla/5.0 conformance',
    });
    expect(answer.body.status).toBe('signed-in');
    expect(answer.status).toBe(200);
  });
});
