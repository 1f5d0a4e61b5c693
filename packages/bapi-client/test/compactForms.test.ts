// The compact generated forms (operation strings) and the resource constructors do what the specs say.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, camelCase, groupClassName, loadSpecs } from '../scripts/generate.mjs';
import { fieldRules } from '../scripts/generator-config.mjs';
import * as endpointClasses from '../src/generated/groups';
import * as operations from '../src/generated/operations';
import * as resources from '../src/generated/resources';
import type { RequestFunction } from '../src/index';
import { defineOperation } from '../src/request/operation';
import { camelCase as runtimeCamelCase } from '../src/resources/assignFields';

const model = buildModel(loadSpecs());
const classes = resources as unknown as Record<string, (new (json: object) => object) & { fromJSON: any }>;
const rules = fieldRules as Record<string, { rename?: Record<string, string>; deprecated?: object }>;

describe('operation forms', () => {
  it('decode to the descriptor the spec describes for all 253 operations of every version, with no other keys', () => {
    const wrong = model.operations.filter((op: any) => {
      const expected: Record<string, unknown> = { method: op.httpMethod, path: op.path };
      if (op.queryType) expected.input = 'query';
      // an operation with a query and a body sends the body: the body's kind wins, as in a literal
      if (op.body) expected.input = op.body.multipart ? 'multipart' : 'json';
      if (op.commaSeparated?.length) expected.commaSeparated = op.commaSeparated;
      if (op.response.resource)
        expected.resource = Array.isArray(op.response.resource)
          ? op.response.resource.map((name: string) => classes[name])
          : classes[op.response.resource];
      if (op.response.text) expected.text = true;
      if (op.response.listKey) expected.listKey = op.response.listKey;
      if (op.response.strict) expected.strict = true;
      const descriptor = (operations as Record<string, unknown>)[op.constName];
      try {
        expect(descriptor).toStrictEqual(expected);
        return false;
      } catch {
        return true;
      }
    });
    expect(model.operations).toHaveLength(253);
    expect(wrong.map((op: any) => op.operationId)).toEqual([]);
  });

  it('are one object per form: every generated method passes the exported descriptor itself, with its arguments', async () => {
    const seen: unknown[][] = [];
    const recording = (async (...args: unknown[]) => {
      seen.push(args);
      return { data: null, errors: [] };
    }) as unknown as RequestFunction;
    const groups = endpointClasses as unknown as Record<string, new (request: RequestFunction) => any>;
    const wrong: string[] = [];
    let called = 0;
    for (const op of model.operations as any[]) {
      const group = new groups[groupClassName(op.group)]!(recording);
      if (typeof group[op.methodName] !== 'function') continue;
      const pathArgs = op.pathParams.map((_: unknown, index: number) => `id_${index}`);
      const input = op.queryType || op.bodyType ? { marker: op.operationId } : undefined;
      const options = { timeoutInMs: called + 1 };
      await group[op.methodName](...pathArgs, ...(input ? [input] : []), options);
      called++;
      const [descriptor, ...rest] = seen.at(-1)!;
      const exported = (operations as Record<string, unknown>)[op.constName];
      if (descriptor !== exported || JSON.stringify(rest) !== JSON.stringify([pathArgs, input, options]))
        wrong.push(op.operationId);
    }
    expect(called).toBeGreaterThan(170);
    expect(wrong).toEqual([]);
    expect(defineOperation('POST /users/{user_id}/ban', resources.User)).toBe(operations.BanUser);
  });

  it('in the hand-written 0.x methods are forms of spec operations, with their resource', () => {
    // the three endpoints 0.x had and no spec describes any more
    const gone = ['POST /emails json', 'POST /sms_messages json', 'GET /internal/interstitial text'];
    const exported = new Set<unknown>(Object.values(operations));
    const apiDir = new URL('../src/api/', import.meta.url);
    const calls = readdirSync(apiDir)
      .filter(file => file.endsWith('.ts'))
      .flatMap(file => [
        ...readFileSync(new URL(file, apiDir), 'utf8').matchAll(
          /defineOperation<.*?>\(\s*'([^']*)'(?:,\s*(\w+))?/gs,
        ),
      ]);
    const stale = calls.filter(([, form, resource]) => {
      if (gone.includes(form!)) return false;
      const descriptor = defineOperation(form!);
      return !exported.has(descriptor) || descriptor.resource !== (resource ? classes[resource] : undefined);
    });
    expect(calls.length).toBeGreaterThan(50);
    expect(stale.map(([, form]) => form)).toEqual([]);
  });

  it('read every flag: input kind, text and comma-separated keys', () => {
    expect(defineOperation('GET /compact_test/a query text comma:x,y_z')).toStrictEqual({
      method: 'GET',
      path: '/compact_test/a',
      input: 'query',
      commaSeparated: ['x', 'y_z'],
      text: true,
    });
    expect(defineOperation('PUT /compact_test/{id} multipart', resources.User)).toStrictEqual({
      method: 'PUT',
      path: '/compact_test/{id}',
      input: 'multipart',
      resource: resources.User,
    });
  });
});

describe('resource constructors and field tables', () => {
  it('name each field as the generator does (the runtime camelCase of the tables is the same rule)', () => {
    const keys = Object.values(model.classes).flatMap((cls: any) => Object.keys(cls.properties));
    expect(keys.length).toBeGreaterThan(500);
    expect(keys.filter(key => runtimeCamelCase(key) !== camelCase(key))).toEqual([]);
    expect(runtimeCamelCase('a__b-c.d_2e')).toBe(camelCase('a__b-c.d_2e'));
  });

  it('are constructors for the 0.x resources and what they nest, tables for the rest', () => {
    const source = readFileSync(new URL('../src/generated/resources.ts', import.meta.url), 'utf8');
    const classSource = (name: string) =>
      source.split('\nexport class ').find(part => part.startsWith(`${name} {`)) ?? '';
    const usesTable = (name: string) => classSource(name).includes('assignFields(this, json,');
    for (const name of ['User', 'M2MToken']) expect(classSource(name), name).toContain('constructor(');
    for (const name of ['User', 'EmailAddress', 'Verification', 'ExternalAccount', 'Organization', 'Session'])
      expect(usesTable(name), name).toBe(false);
    for (const name of ['M2MToken', 'APIKey', 'JWTTemplate', 'CommercePlan'])
      expect(usesTable(name), name).toBe(true);
  });

  it('fill User from a function into class fields (its constructor stays small enough for V8 to inline), and no other class', () => {
    const source = readFileSync(new URL('../src/generated/resources.ts', import.meta.url), 'utf8');
    expect(source.match(/\nfunction fill\w+\(/g)).toEqual(['\nfunction fillUser(']);
    // a class field exists before the constructor runs: an instance of an empty JSON has every field, undefined
    const user = new resources.User({} as never) as unknown as Record<string, unknown>;
    expect(Object.hasOwn(user, 'birthday')).toBe(true);
    expect(user.birthday).toBeUndefined();
    expect(user.emailAddresses).toEqual([]);
  });

  it('give every class a fromJSON bound to it, as in 0.x (`list.map(User.fromJSON)` builds users)', () => {
    const unbound: string[] = [];
    for (const [name, cls] of Object.entries(classes)) {
      if (typeof cls !== 'function' || !Object.hasOwn(cls, 'fromJSON')) continue;
      const { fromJSON } = cls;
      const [instance] = [{ id: 'x_1' }].map(fromJSON);
      if (!(instance instanceof cls) || Object.getPrototypeOf(instance) !== cls.prototype) unbound.push(name);
    }
    expect(Object.keys(classes).filter(name => typeof classes[name] === 'function').length).toBeGreaterThan(
      80,
    );
    expect(unbound).toEqual([]);
    const [user] = [{ id: 'user_1', first_name: 'Ada' }].map(
      resources.User.fromJSON as (json: object) => any,
    );
    expect(user).toBeInstanceOf(resources.User);
    expect(user.firstName).toBe('Ada');
  });

  it('give every class exactly its spec fields, in spec order, each read from its own key', () => {
    const mismatched: string[] = [];
    for (const cls of Object.values(model.classes) as any[]) {
      const rule = rules[cls.name] ?? {};
      const keys = Object.keys(cls.properties).filter(
        key =>
          (key !== 'object' || cls.name === 'DeletedObject') && !(rule.deprecated && key in rule.deprecated),
      );
      // a distinct string per key shows which key each field was read from (or `{}`/null for conversions)
      const json = Object.fromEntries(keys.map(key => [key, `value of ${key}`]));
      const instance = new classes[cls.name]!(json) as Record<string, unknown>;
      const names = keys.map(key => rule.rename?.[key] ?? camelCase(key));
      if (JSON.stringify(Object.keys(instance)) !== JSON.stringify(names))
        mismatched.push(`${cls.name}: keys`);
      keys.forEach((key, index) => {
        const value = instance[names[index]!];
        const converted = value instanceof URL || Array.isArray(value) || value === null;
        if (value !== `value of ${key}` && !converted) mismatched.push(`${cls.name}.${names[index]}`);
      });
    }
    expect(Object.keys(model.classes).length).toBeGreaterThan(50);
    expect(mismatched).toEqual([]);
  });
});

describe('endpoint classes built from method tables', () => {
  it('have each method on the prototype, non-enumerable and named after it, like a class method', () => {
    const classes = endpointClasses as unknown as Record<string, { prototype: object }>;
    const descriptor = Object.getOwnPropertyDescriptor(classes.UsersEndpoints!.prototype, 'banUser')!;
    expect(descriptor).toMatchObject({ enumerable: false, writable: true, configurable: true });
    expect((descriptor.value as () => unknown).name).toBe('banUser');
  });

  it('pass path ids, then the query or body, then the call options', async () => {
    const calls: unknown[][] = [];
    const request: RequestFunction = async (operation, ids, input, options) => {
      calls.push([operation.path, ids, input, options]);
      return { data: null, errors: [], clerkTraceId: '' };
    };
    const classes = endpointClasses as unknown as Record<string, new (request: RequestFunction) => any>;
    const signal = new AbortController().signal;
    await new classes.OrganizationDomainsEndpoints!(request).updateOrganizationDomain(
      'org_1',
      'dmn_1',
      { verified: true },
      { signal },
    );
    await new classes.UsersEndpoints!(request).banUser('user_1', { timeoutInMs: 5 });
    await new classes.JwtTemplatesEndpoints!(request).listJWTTemplates();
    expect(calls).toEqual([
      [
        '/organizations/{organization_id}/domains/{domain_id}',
        ['org_1', 'dmn_1'],
        { verified: true },
        { signal },
      ],
      ['/users/{user_id}/ban', ['user_1'], undefined, { timeoutInMs: 5 }],
      ['/jwt_templates', [], undefined, undefined],
    ]);
  });
});
