import { afterEach, describe, expect, it, vi } from 'vitest';
import { deprecated } from './deprecated';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('deprecated', () => {
  it('prints the 0.x text once per name, and never under NODE_ENV test or production', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubEnv('NODE_ENV', 'test');
    deprecated('silentUnderTest', 'hint');
    expect(warn).not.toHaveBeenCalled();
    vi.stubEnv('NODE_ENV', 'development');
    deprecated('someOption', 'Use another option.');
    deprecated('someOption', 'Use another option.');
    expect(warn.mock.calls).toEqual([
      [
        'Clerk - DEPRECATION WARNING: "someOption" is deprecated and will be removed in the next major release.\nUse another option.',
      ],
    ]);
    vi.stubEnv('NODE_ENV', 'production');
    deprecated('otherOption', 'hint');
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
