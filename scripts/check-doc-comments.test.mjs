import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { undocumentedInPackages, undocumentedMembers } from './check-doc-comments.mjs';

test('reports the undocumented members of interfaces, object type aliases and public class members', () => {
  const text = `
    export interface Options {
      /** Documented. */
      documented?: string;
      bare?: number;
      method(): void;
    }
    export type Shape = {
      /** Yes. */
      a: 1;
      b: 2;
    } & { c: 3 };
    export type Union =
      | {
          /** Yes. */
          kind: 'a';
        }
      | { kind: 'b' };
    export declare class Thing {
      private hidden;
      #secret;
      constructor(x: string);
      /** Documented. */
      readonly shown: string;
      visible: string;
      get size(): number;
    }
  `;
  assert.deepEqual(undocumentedMembers(text), [
    'Options.bare',
    'Options.method',
    'Shape.b',
    'Shape.c',
    'Union.kind',
    'Thing.visible',
    'Thing.size',
  ]);
});

test('one comment covers overloads and a get/set pair; tags alone count as a comment', () => {
  const text = `
    export interface Api {
      /** Both overloads. */
      call(a: string): void;
      call(a: number): void;
      /** @deprecated Use call. */
      old(): void;
    }
    export declare class Box {
      /** The value. */
      get value(): number;
      set value(v: number);
    }
  `;
  assert.deepEqual(undocumentedMembers(text), []);
});

test('reports the undocumented options of options objects typed inline in signatures', () => {
  const text = `
    export declare function create(name: string, options?: {
      /** Documented. */
      a?: string;
      b?: number;
    }): void;
    export interface Api {
      /** The method itself is documented; its inline options still need comments. */
      call(params: { id: string } & {
        /** Yes. */
        ok: true;
      }): void;
    }
    export declare class Thing {
      constructor({ x }: { x: string });
      /** Documented. */
      run(options: { y: number }): void;
      private hidden(options: { z: number }): void;
    }
  `;
  assert.deepEqual(undocumentedMembers(text), [
    'create(options).b',
    'Api.call(params).id',
    'Thing.constructor(param).x',
    'Thing.run(options).y',
  ]);
});

/** A packages folder with one published package whose entry declarations are `index` and a chunk they import. */
function fixturePackages(index, chunk) {
  const dir = mkdtempSync(join(tmpdir(), 'doc-comments-'));
  const folder = join(dir, 'fixture');
  mkdirSync(join(folder, 'dist'), { recursive: true });
  const exports = { '.': { import: { types: './dist/index.d.ts', default: './dist/index.js' } } };
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: '@clerk/fixture', exports }));
  writeFileSync(join(folder, 'dist/index.d.ts'), index);
  writeFileSync(join(folder, 'dist/chunk-abc.d.ts'), chunk);
  // a private package is not published: its undocumented members never count
  mkdirSync(join(dir, 'private'));
  writeFileSync(join(dir, 'private/package.json'), JSON.stringify({ name: 'private', private: true }));
  return dir;
}

const runCheck = dir =>
  spawnSync(process.execPath, [join(import.meta.dirname, 'check-doc-comments.mjs'), dir], {
    encoding: 'utf8',
  });

test('the check fails on an undocumented property of a published .d.ts, in its entry or in a chunk it imports', () => {
  const dir = fixturePackages(
    "export { type Chunked } from './chunk-abc.js';\nexport interface Options {\n  /** Documented. */\n  a?: string;\n  b?: number;\n}\n",
    'export interface Chunked {\n  c: string;\n}\n',
  );
  try {
    assert.deepEqual(undocumentedInPackages(dir), [
      'fixture/dist/index.d.ts: Options.b has no doc comment',
      'fixture/dist/chunk-abc.d.ts: Chunked.c has no doc comment',
    ]);
    const run = runCheck(dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Options\.b has no doc comment/);
    assert.match(run.stderr, /Chunked\.c has no doc comment/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the check passes when every property is documented, and fails when a package has no built declarations', () => {
  const dir = fixturePackages(
    "export { type Chunked } from './chunk-abc.js';\nexport interface Options {\n  /** Documented. */\n  a?: string;\n}\n",
    'export interface Chunked {\n  /** Also documented. */\n  c: string;\n}\n',
  );
  try {
    assert.deepEqual(undocumentedInPackages(dir), []);
    const run = runCheck(dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /every public property of the published declarations is documented/);
    rmSync(join(dir, 'fixture/dist'), { recursive: true });
    const unbuilt = runCheck(dir);
    assert.equal(unbuilt.status, 1);
    assert.match(unbuilt.stderr, /@clerk\/fixture: no built declarations/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
