import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkPackage } from './check-layers.mjs';

function fakePackage(files) {
  const folder = mkdtempSync(join(tmpdir(), 'layers-'));
  mkdirSync(join(folder, 'src'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, 'src', name), text);
  return folder;
}

test('an import from a layer above is reported', () => {
  const folder = fakePackage({ 'a.ts': "import { authenticateRequest } from '@clerk/auth-state';\n" });
  assert.match(checkPackage(folder, '@clerk/jwks-resolver').join('\n'), /may not import @clerk\/auth-state/);
});

test('auth-state may not import the REST client at runtime', () => {
  const folder = fakePackage({ 'a.ts': "export { User } from '@clerk/bapi-client';\n" });
  assert.match(checkPackage(folder, '@clerk/auth-state').join('\n'), /may not import @clerk\/bapi-client/);
});

test("another package's internals are reported", () => {
  const folder = fakePackage({ 'a.ts': "import { parseKey } from '@clerk/jwt-core/src/keys';\n" });
  assert.match(checkPackage(folder, '@clerk/jwks-resolver').join('\n'), /internals/);
});

test('a relative import leaving the package is reported', () => {
  const folder = fakePackage({ 'a.ts': "const x = await import('../../jwt-core/src/keys');\n" });
  assert.match(checkPackage(folder, '@clerk/jwks-resolver').join('\n'), /reaches outside/);
});

test('downward imports through public entries pass', () => {
  const folder = fakePackage({
    'a.ts': "import { verifyJwt } from '@clerk/jwt-core';\nimport { b } from './b';\n",
    'b.ts': 'export const b = 1;\n',
  });
  assert.deepEqual(checkPackage(folder, '@clerk/jwks-resolver'), []);
});
