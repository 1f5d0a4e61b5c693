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

  // 25 KB covered the 0.x surface; the current call form of authenticateRequest (the handshake rules, issue 16)
  // added about 8 KB, and Clerk() cannot leave it out since the form is chosen per call.
  it('Clerk, with every Backend API group and both forms of request authentication, stays within 34 KB gzip', async () => {
    const report = await bundle("export { Clerk } from '../dist/index.js';");
    expect(Object.keys(report.inputs).some(path => path.includes('bapi-client'))).toBe(true);
    expect(Object.keys(report.inputs).some(path => path.includes('auth-state'))).toBe(true);
    expect(report.gzipBytes).toBeLessThanOrEqual(34 * KB);
  });
});
