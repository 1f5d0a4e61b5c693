import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { acceptOnly, orderBy, paginate } from './params';

const query = (entries: Record<string, string>) => new URLSearchParams(entries);

describe('paginate', () => {
  it('returns the slice [offset, offset + limit) and the full count, for any valid limit and offset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 60 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 80 }),
        (items, limit, offset) => {
          const page = paginate(items, query({ limit: String(limit), offset: String(offset) }));
          expect(page.data).toEqual(items.slice(offset, offset + limit));
          expect(page.totalCount).toBe(items.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('defaults to limit 10, offset 0', () => {
    const items = Array.from({ length: 25 }, (_, index) => index);
    expect(paginate(items, query({})).data).toEqual(items.slice(0, 10));
  });

  it('rejects any limit outside 1-500 or a non-integer with a 422 naming the parameter', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 501, max: 1_000_000 }).map(String),
          fc.constantFrom('0', '-1', '1.5', 'ten', '1e2', ' 5'),
        ),
        limit => {
          const error = (() => {
            try {
              paginate([1], query({ limit }));
            } catch (caught) {
              return caught;
            }
          })();
          expect(error).toBeInstanceOf(ApiError);
          expect((error as ApiError).status).toBe(422);
          expect((error as ApiError).errors[0]!.meta).toEqual({ param_name: 'limit' });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('orderBy', () => {
  const records = [
    { id: 'a', createdAt: 1, updatedAt: 9 },
    { id: 'b', createdAt: 2, updatedAt: 8 },
    { id: 'c', createdAt: 2, updatedAt: 7 },
  ];
  const ids = (order: string) => orderBy(records, query({ order_by: order })).map(record => record.id);

  it('sorts newest first by default and keeps creation order among equal times', () => {
    expect(orderBy(records, query({})).map(record => record.id)).toEqual(['c', 'b', 'a']);
    expect(ids('+created_at')).toEqual(['a', 'b', 'c']);
    expect(ids('-updated_at')).toEqual(['a', 'b', 'c']);
    expect(ids('updated_at')).toEqual(['a', 'b', 'c']);
  });

  it('rejects an unknown order', () => {
    expect(() => ids('name')).toThrow(ApiError);
  });
});

describe('acceptOnly', () => {
  it('names the first unknown field', () => {
    expect(() => acceptOnly({ name: 'x', nam: 'y' }, ['name'])).toThrow(/nam is not a valid parameter/);
    expect(() => acceptOnly({ name: 'x' }, ['name'])).not.toThrow();
  });
});
