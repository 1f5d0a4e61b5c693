// Contract: Prism serves a spec (paths prefixed with /v1, in a temp folder) and validates every request
// against it, for the newest spec and for 2021-02-05 (what 0.x talks to). Every operation of that spec,
// called with valid arguments through its method, must pass validation (no 422) and deserialize.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildModel,
  defaultSpecPath,
  groupClassName,
  legacySpecPath,
  loadSpecs,
} from '../scripts/generate.mjs';
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

/** 0.x methods whose endpoints are in no spec (reference section 7), and what Prism answers for them. */
const notInAnySpec: Record<string, number> = {
  'emails.createEmail': 404,
  'smsMessages.createSMSMessage': 404,
  'interstitial.getInterstitial': 404,
};
/**
 * Per spec: 0.x methods whose operation it lacks, and the 0.x calls it rejects, as it rejected them from
 * 0.38.15 (reference section 8): `updateUser(id)` with no params sends no body where one is required, and a
 * repeated `status` where the spec takes one string; 2026-05-12 also rejects metadata in `updateUser` and has
 * no `POST /sessions/{id}/verify`.
 */
const specs = [
  {
    name: '2026-05-12 (newest)',
    path: defaultSpecPath,
    operations: 249,
    clerkApiVersion: '2026-05-12' as const,
    notInTheSpec: { ...notInAnySpec, 'sessions.verifySession': 404 },
    rejectedAsIn038: { 'users.updateUser': 2, 'organizations.getOrganizationInvitationList': 1 },
  },
  {
    name: '2021-02-05 (0.x)',
    path: legacySpecPath,
    operations: 212,
    clerkApiVersion: undefined,
    notInTheSpec: notInAnySpec,
    rejectedAsIn038: { 'users.updateUser': 1, 'organizations.getOrganizationInvitationList': 1 },
  },
];
/** Every operation of every version by `METHOD /path`: the generated descriptor's name. */
const constNames = new Map(
  buildModel(loadSpecs()).operations.map((op: any) => [`${op.httpMethod} ${op.path}`, op.constName]),
);
const camel = (key: string) => key.replace(/[_\-.]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
const camelKeys = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).map(([key, entry]) => [camel(key), entry]))
    : value;

describe.each(specs)('contract with the $name spec, through Prism', spec => {
  const specPresent = existsSync(spec.path);
  let prism: PrismMock | undefined;

  beforeAll(async () => {
    if (specPresent) prism = await startPrism(spec.path);
  }, 180_000);
  afterAll(async () => {
    await prism?.stop();
  });

  it('is present beside the repo', () => {
    expect(specPresent, `expected the spec at ${spec.path}`).toBe(true);
  });

  it('every operation of the spec passes request validation and deserializes', {
    timeout: 300_000,
  }, async () => {
    const parsed = parse(readFileSync(spec.path, 'utf8'));
    const { value, deref } = createValueSynthesizer(parsed);
    const model = buildModel(parsed);
    let violations = '';
    // observes Prism's validation report; the request itself goes to Prism unchanged
    const observingFetch: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      violations = response.headers.get('sl-violations') ?? '';
      return response;
    };
    const options = {
      secretKey: 'sk_test_contract',
      apiUrl: prism!.url,
      retries: 0,
      fetch: observingFetch,
      clerkApiVersion: spec.clerkApiVersion,
    };
    const client = createBackendApiClient(options) as unknown as Record<string, Record<string, unknown>>;
    const request = createRequestFunction(options);
    const failures: unknown[] = [];
    let viaGroupMethod = 0;

    for (const op of model.operations) {
      const descriptor = (operations as Record<string, Operation<unknown>>)[
        constNames.get(`${op.httpMethod} ${op.path}`)!
      ]!;
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

      const resources = [descriptor.resource ?? []].flat() as Array<ResourceClass & (new () => unknown)>;
      const items = Array.isArray(result.data) ? result.data : [result.data];
      const deserialized =
        result.errors === null &&
        (resources.length > 0
          ? items.every((item: unknown) => resources.some(resource => item instanceof resource))
          : result.data !== undefined);
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
    expect(model.operations).toHaveLength(spec.operations);
    // only the operations whose 0.x method shares the name are reached through the descriptor
    expect(viaGroupMethod).toBeGreaterThan(170);
  });

  it('the 0.x methods, called as the wire-compatibility test calls them, pass validation and deserialize', async () => {
    const client = createBackendApiClient({
      secretKey: 'sk_test_contract',
      apiUrl: prism!.url,
      retries: 0,
      clerkApiVersion: spec.clerkApiVersion,
    });
    const rejected: Record<string, number> = {};
    const failures: unknown[] = [];
    for (const [label, call] of zeroXCalls) {
      const result = (await call(client)) as { status?: number; errors: unknown };
      if (label in spec.notInTheSpec) {
        expect(result.status, label).toBe((spec.notInTheSpec as Record<string, number>)[label]);
      } else if (result.status === 422) {
        rejected[label] = (rejected[label] ?? 0) + 1;
      } else if (result.errors !== null) {
        failures.push({ label, status: result.status, errors: result.errors });
      }
    }
    expect(failures).toEqual([]);
    expect(rejected).toEqual(spec.rejectedAsIn038);
  });
});
