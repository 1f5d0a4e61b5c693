// Contract: Prism serves the spec (paths prefixed with /v1, in a temp folder) and validates every request
// against it. Every generated operation, called with valid arguments, must pass that validation (no 422)
// and its response must deserialize.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildModel, defaultSpecPath, groupClassName } from '../scripts/generate.mjs';
import * as endpointClasses from '../src/generated/groups';
import * as operations from '../src/generated/operations';
import {
  createBackendApiClient,
  createRequestFunction,
  type Operation,
  type ResourceClass,
} from '../src/index';
import { type PrismMock, startPrism } from './prism';
import { createValueSynthesizer } from './validValues';
import { zeroXCalls } from './zeroXCalls';

const specPresent = existsSync(defaultSpecPath);
/** 0.x methods whose endpoints are in no spec (reference section 7), and what Prism answers for them. */
const notInTheSpec: Record<string, number> = {
  'emails.createEmail': 404,
  'smsMessages.createSMSMessage': 404,
  'interstitial.getInterstitial': 404,
};
/**
 * 0.x calls the spec rejects, as it rejected them from 0.38.15 (reference section 8): `updateUser(id)` with
 * no params sends no body where one is required, and a repeated `status` where the spec takes one string.
 */
const rejectedAsIn038 = { 'users.updateUser': 1, 'organizations.getOrganizationInvitationList': 1 };
const camel = (key: string) => key.replace(/[_\-.]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
const camelKeys = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).map(([key, entry]) => [camel(key), entry]))
    : value;

describe('contract with the spec, through Prism', () => {
  let prism: PrismMock | undefined;

  beforeAll(async () => {
    if (specPresent) prism = await startPrism(defaultSpecPath);
  });
  afterAll(async () => {
    await prism?.stop();
  });

  it('the spec the package is generated from is present beside the repo', () => {
    expect(specPresent, `expected the spec at ${defaultSpecPath}`).toBe(true);
  });

  it('every operation of the spec passes request validation and deserializes', {
    timeout: 120_000,
  }, async () => {
    const spec = parse(readFileSync(defaultSpecPath, 'utf8'));
    const { value, deref } = createValueSynthesizer(spec);
    const model = buildModel(spec);
    let violations = '';
    // observes Prism's validation report; the request itself goes to Prism unchanged
    const observingFetch: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      violations = response.headers.get('sl-violations') ?? '';
      return response;
    };
    const options = { secretKey: 'sk_test_contract', apiUrl: prism!.url, retries: 0, fetch: observingFetch };
    const client = createBackendApiClient(options) as unknown as Record<string, Record<string, unknown>>;
    const request = createRequestFunction(options);
    const failures: unknown[] = [];
    let viaGroupMethod = 0;

    for (const op of model.operations) {
      const descriptor = (operations as Record<string, Operation<unknown>>)[op.constName]!;
      const pathArgs = op.pathParams.map((param: any) => {
        const synthesized = value(param.schema);
        return typeof synthesized === 'string' && synthesized ? synthesized : 'test_id_1';
      });
      let input: unknown;
      if (op.queryParams.length > 0) {
        input = Object.fromEntries(
          op.queryParams.filter((p: any) => p.required).map((p: any) => [camel(p.name), value(p.schema)]),
        );
      }
      if (op.body) {
        const bodySchema = deref(op.body.schema)!;
        const synthesized = value(bodySchema);
        if (Array.isArray(synthesized)) {
          input = synthesized.map(camelKeys);
        } else {
          const body = camelKeys(synthesized) as Record<string, unknown>;
          const properties = Object.entries(deref(bodySchema.items ?? bodySchema)?.properties ?? {});
          if (Object.keys(body).length === 0 && op.body.required && properties.length > 0) {
            const [key, schema] = properties[0]!;
            body[camel(key)] = value(schema as object);
          }
          input = body;
        }
      }

      // the generated method where it exists; the 0.x methods with its name are covered by wireCompatibility
      const group = client[op.group];
      const generatedClass = (
        endpointClasses as unknown as Record<string, { prototype: Record<string, unknown> }>
      )[groupClassName(op.group)];
      const method = generatedClass?.prototype[op.methodName];
      const args = input === undefined ? pathArgs : [...pathArgs, input];
      let result: any;
      if (typeof method === 'function') {
        viaGroupMethod++;
        result = await method.apply(group, args);
      } else {
        result = await request(descriptor, pathArgs, input);
      }

      const resource = descriptor.resource as (ResourceClass & (new () => unknown)) | undefined;
      const items = Array.isArray(result.data) ? result.data : [result.data];
      const deserialized =
        result.errors === null &&
        (resource ? items.every((item: unknown) => item instanceof resource) : result.data !== undefined);
      if (result.status === 422 || !deserialized) {
        failures.push({
          operation: op.operationId,
          status: result.status,
          violations,
          errors: result.errors,
        });
      }
    }

    expect(failures).toEqual([]);
    expect(model.operations).toHaveLength(212);
    // only the operations whose 0.x method shares the name are reached through the descriptor
    expect(viaGroupMethod).toBeGreaterThan(170);
  });

  it('the 0.x methods, called as the wire-compatibility test calls them, pass validation and deserialize', async () => {
    const client = createBackendApiClient({ secretKey: 'sk_test_contract', apiUrl: prism!.url, retries: 0 });
    const rejected: Record<string, number> = {};
    const failures: unknown[] = [];
    for (const [label, call] of zeroXCalls) {
      const result = (await call(client)) as { status?: number; errors: unknown };
      if (label in notInTheSpec) {
        expect(result.status, label).toBe(notInTheSpec[label]);
      } else if (result.status === 422) {
        rejected[label] = (rejected[label] ?? 0) + 1;
      } else if (result.errors !== null) {
        failures.push({ label, status: result.status, errors: result.errors });
      }
    }
    expect(failures).toEqual([]);
    expect(rejected).toEqual(rejectedAsIn038);
  });
});
