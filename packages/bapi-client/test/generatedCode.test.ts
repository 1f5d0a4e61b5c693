// Generated code never drifts from its generator: regenerate into a temp folder and compare every file.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildModel,
  camelCase,
  defaultSpecDir,
  defaultSpecPath,
  writeGenerated,
} from '../scripts/generate.mjs';
import { snakeCase } from '../src/request/snakeCase';

const committedDir = resolve(dirname(fileURLToPath(import.meta.url)), '../src/generated');
const tempDir = mkdtempSync(join(tmpdir(), 'bapi-generated-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('src/generated', () => {
  it('is exactly what the generator writes from the spec (when the spec is present)', () => {
    if (!existsSync(defaultSpecPath)) {
      // without the spec there is nothing to compare against; the committed code must still be there
      expect(listFiles(committedDir)).toContain('operations.ts');
      return;
    }
    writeGenerated(defaultSpecDir, tempDir);
    const fresh = listFiles(tempDir);
    expect(listFiles(committedDir)).toEqual(fresh);
    for (const file of fresh) {
      expect(readFileSync(join(committedDir, file), 'utf8'), file).toBe(
        readFileSync(join(tempDir, file), 'utf8'),
      );
    }
  });

  it('holds no copy of the spec', () => {
    for (const file of listFiles(committedDir)) expect(file).toMatch(/\.ts$/);
  });
});

describe('key names', () => {
  it('every query and body key of the spec survives camelCase and back through the request layer', () => {
    if (!existsSync(defaultSpecPath)) {
      expect(listFiles(committedDir)).toContain('operations.ts');
      return;
    }
    const spec = parse(readFileSync(defaultSpecPath, 'utf8'));
    const model = buildModel(spec);
    const deref = (node: any): any =>
      node?.$ref ? spec.components.schemas[node.$ref.split('/').pop()] : node;
    const keys = new Set<string>();
    for (const op of model.operations) {
      for (const param of op.queryParams) keys.add(param.name);
      const body = op.body && deref(op.body.schema);
      const properties = deref(body?.type === 'array' ? body.items : body)?.properties ?? {};
      for (const key of Object.keys(properties)) keys.add(key);
    }
    // `frontendApi` is the deprecated camelCase twin of `frontend_api`; the generator keeps `frontend_api`
    const broken = [...keys].filter(key => snakeCase(camelCase(key)) !== key && key !== 'frontendApi');
    expect(keys.size).toBeGreaterThan(200);
    expect(broken).toEqual([]);
  });
});
