import assert from 'node:assert/strict';
import { test } from 'node:test';
import { undocumentedMembers } from './check-doc-comments.mjs';

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
