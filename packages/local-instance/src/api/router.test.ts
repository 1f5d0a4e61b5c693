import { describe, expect, it } from 'vitest';
import { Router } from './router';

const handler = () => null;

describe('Router', () => {
  const router = new Router()
    .add('GET', '/v1/users/count', handler)
    .add('GET', '/v1/users/:user_id', handler)
    .add('DELETE', '/v1/users/:user_id', handler);

  it('matches routes in order and percent-decodes params once', () => {
    expect(router.match('GET', '/v1/users/count')).toEqual({ handler, params: {} });
    expect(router.match('GET', '/v1/users/user%2F1')).toEqual({ handler, params: { user_id: 'user/1' } });
    expect(router.match('GET', '/v1/users/a%252F')).toEqual({ handler, params: { user_id: 'a%2F' } });
  });

  it('keeps a malformed escape as it came instead of throwing', () => {
    expect(router.match('GET', '/v1/users/%E0%A4%A')).toEqual({ handler, params: { user_id: '%E0%A4%A' } });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(router.match('PUT', '/v1/users/u')).toBe('wrong-method');
    expect(router.match('GET', '/v1/users/u/extra')).toBeNull();
  });
});
