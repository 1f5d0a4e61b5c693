import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkManifest, workspaceFolders } from './check-packages.mjs';

const repositoryUrl = 'git+https://github.com/example/repo.git';
const complete = {
  name: '@clerk/x',
  license: 'MIT',
  repository: { type: 'git', url: repositoryUrl, directory: 'packages/x' },
  homepage: 'https://github.com/example/repo/tree/main/packages/x#readme',
  bugs: { url: 'https://github.com/example/repo/issues' },
};

test('a complete published manifest with its LICENSE passes', () => {
  assert.deepEqual(checkManifest(complete, 'packages/x', { repositoryUrl, hasLicenseFile: true }), []);
});

test('each missing field, a wrong directory and a missing LICENSE fail', () => {
  for (const field of ['repository', 'homepage', 'bugs', 'license']) {
    const { [field]: _dropped, ...manifest } = complete;
    const problems = checkManifest(manifest, 'packages/x', { repositoryUrl, hasLicenseFile: true });
    assert.equal(problems.length, 1, `${field}: ${problems}`);
  }
  const moved = { ...complete, repository: { ...complete.repository, directory: 'packages/y' } };
  assert.match(checkManifest(moved, 'packages/x', { repositoryUrl, hasLicenseFile: true })[0], /directory/);
  assert.match(checkManifest(complete, 'packages/x', { repositoryUrl, hasLicenseFile: false })[0], /LICENSE/);
});

test('a private package needs the links but no license', () => {
  const { license: _license, ...manifest } = { ...complete, private: true };
  assert.deepEqual(checkManifest(manifest, 'packages/x', { repositoryUrl, hasLicenseFile: false }), []);
});

test('the workspace has the root and every package folder', () => {
  const folders = workspaceFolders();
  assert.ok(folders.length >= 10, String(folders));
  assert.ok(folders.some(folder => folder.endsWith('/packages/backend')));
});
