// jest over the conformance suite inside the Vercel Edge Runtime VM. ESM mode (jose 6 is ESM-only) needs
// NODE_OPTIONS=--experimental-vm-modules, which the package's test script sets.
export default {
  rootDir: '..',
  testEnvironment: '@edge-runtime/jest-environment',
  testMatch: ['<rootDir>/test/**/*.test.mjs'],
  transform: {},
  // The environment ignores jest `globals`; EdgeVM's own `initialCode` hands the host context over instead.
  testEnvironmentOptions: {
    initialCode: `globalThis.CLERK_CONFORMANCE_CONTEXT = ${JSON.stringify(process.env.CLERK_CONFORMANCE_CONTEXT ?? '')};`,
  },
};
