// Drift against the newest spec: every one of its operations has a method on the client, and every operation
// an older version had (moved or removed later) keeps its method and says what the current API does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildModel,
  defaultSpecPath,
  groupClassName,
  listSpecVersions,
  loadSpecs,
  zeroXMethodNamed,
} from '../scripts/generate.mjs';
import { removedOperationNotes, zeroXMethods } from '../scripts/generator-config.mjs';
import * as endpointClasses from '../src/generated/groups';
import { CLERK_API_VERSIONS, createBackendApiClient } from '../src/index';

const api = createBackendApiClient({ secretKey: 'sk_test_drift' }) as unknown as Record<
  string,
  Record<string, unknown>
>;
const classes = endpointClasses as unknown as Record<string, { prototype: Record<string, unknown> }>;
const methodsOf = zeroXMethods as Record<string, Record<string, string | null>>;

/** The client method that calls `op`: its generated method, or the 0.x method of the same name. */
function methodFor(op: { group: string; methodName: string; operationId: string }): unknown {
  const zeroXName = zeroXMethodNamed(methodsOf[op.group] ?? {}, op.methodName);
  if (zeroXName !== undefined && methodsOf[op.group]?.[zeroXName] === op.operationId)
    return api[op.group]?.[zeroXName];
  return classes[groupClassName(op.group)]?.prototype[op.methodName];
}

describe('the newest spec', () => {
  const newest = buildModel(parse(readFileSync(defaultSpecPath, 'utf8')));

  it('is 2026-05-12 with its 249 operations, and the accepted versions are the spec files but the frozen one', () => {
    expect(defaultSpecPath).toMatch(/2026-05-12\.yml$/);
    expect(newest.operations).toHaveLength(249);
    expect([...CLERK_API_VERSIONS]).toEqual(listSpecVersions());
    expect([...CLERK_API_VERSIONS]).toEqual([
      '2021-02-05',
      '2024-10-01',
      '2025-04-10',
      '2025-11-10',
      '2026-05-12',
    ]);
  });

  it('has a method for every operation (fails when a spec operation has none)', () => {
    const missing = newest.operations
      .filter((op: any) => typeof methodFor(op) !== 'function')
      .map((op: any) => `${op.group}.${op.methodName} (${op.httpMethod} ${op.path})`);
    expect(missing).toEqual([]);
  });

  it('reaches the groups the 2021-02-05 client lacked', () => {
    for (const [group, method] of [
      ['organizationRoles', 'listOrganizationRoles'],
      ['directories', 'listDirectories'],
      ['scimDirectories', 'listSCIMDirectories'],
      ['agentTasks', 'createAgentTask'],
      ['billing', 'getBillingStatementList'],
      ['billing', 'getBillingPriceList'],
    ] as const) {
      expect(typeof api[group]?.[method], `${group}.${method}`).toBe('function');
    }
  });
});

describe('operations later versions moved or removed', () => {
  const merged = buildModel(loadSpecs());
  const gone = merged.operations.filter((op: any) => !op.versions.includes('2026-05-12'));

  it('are the three /commerce/* calls and POST /sessions/{id}/verify, each still a method', () => {
    expect(gone.map((op: any) => `${op.httpMethod} ${op.path}`).sort()).toEqual(
      Object.keys(removedOperationNotes).sort(),
    );
    for (const op of gone) expect(typeof methodFor(op), op.operationId).toBe('function');
  });

  it('say in their doc comment what the current API does', () => {
    const commerce = readFileSync(new URL('../src/generated/endpoints/commerce.ts', import.meta.url), 'utf8');
    expect(commerce).toContain('Not in the Backend API from 2025-11-10 on');
    expect(commerce).toContain('Use `billing.getCommercePlanList` (GET /billing/plans).');
    const sessions = readFileSync(new URL('../src/api/SessionAPI.ts', import.meta.url), 'utf8');
    expect(sessions).toContain('removed from 2025-04-10 on');
  });
});
