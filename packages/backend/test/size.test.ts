import { describe, expect, it } from 'vitest';
import { bundle } from './bundle';

// Budgets from the packaging issue; sizes are measured on the built packages, minified and gzipped.
const KB = 1024;

describe('bundle size budgets', () => {
  it('import { verifyToken } stays within 7.5 KB gzip and bundles no REST-client code', async () => {
    const report = await bundle("export { verifyToken } from '../dist/index.js';");
    expect(Object.keys(report.inputs).some(path => path.includes('bapi-client'))).toBe(false);
    expect(Object.keys(report.inputs).some(path => path.includes('auth-state'))).toBe(false);
    expect(report.gzipBytes).toBeLessThanOrEqual(7.5 * KB);
  });

  // Issue 18 raised this budget to 28 KiB for the new capabilities (handshake, machine auth, new groups).
  it('Clerk, with every Backend API group and request authentication, stays within 28 KB gzip', async () => {
    const report = await bundle("export { Clerk } from '../dist/index.js';");
    expect(Object.keys(report.inputs).some(path => path.includes('bapi-client'))).toBe(true);
    expect(Object.keys(report.inputs).some(path => path.includes('auth-state'))).toBe(true);
    expect(report.gzipBytes).toBeLessThanOrEqual(28 * KB);
  });
});
