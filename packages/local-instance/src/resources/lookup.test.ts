import { describe, expect, it } from 'vitest';
import { mergeMetadata } from './lookup';

describe('mergeMetadata', () => {
  it('merges nested objects, replaces arrays and scalars, and deletes null keys', () => {
    const current = { a: { b: 1, c: [1, 2] }, d: 'x', e: true };
    const merged = mergeMetadata(current, { a: { c: [3], f: null }, d: { now: 'object' }, e: null });
    expect(merged).toEqual({ a: { b: 1, c: [3] }, d: { now: 'object' } });
    expect(current).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x', e: true });
  });
});
