// Generated code never drifts from its generator: regenerate into a temp folder and compare every file.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSpecPath, writeGenerated } from '../scripts/generate.mjs';

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
    writeGenerated(defaultSpecPath, tempDir);
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
