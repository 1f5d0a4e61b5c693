// Fails when a workspace package.json lacks its publishing metadata (`repository` with its `directory`,
// `homepage`, `bugs`, all pointing at the root's repository) or a published package lacks `license: MIT`
// and the root LICENSE file beside it (npm packs a LICENSE file whatever `files` says).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const readJson = file => JSON.parse(readFileSync(file, 'utf8'));

/** The folders of every workspace package, the root included, as `pnpm-workspace.yaml` lists them. */
export function workspaceFolders() {
  const patterns = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
    .split('\n')
    .map(line => line.match(/^ {2}- (\S+)$/)?.[1])
    .filter(Boolean);
  const folders = [root];
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const parent = join(root, pattern.slice(0, -2));
      for (const entry of readdirSync(parent).sort()) {
        if (existsSync(join(parent, entry, 'package.json'))) folders.push(join(parent, entry));
      }
    } else if (existsSync(join(root, pattern, 'package.json'))) folders.push(join(root, pattern));
  }
  return folders;
}

/** The problems of one package: `manifest` is its package.json, `folder` relative to the root ('' for it). */
export function checkManifest(manifest, folder, { repositoryUrl, hasLicenseFile }) {
  const problems = [];
  const where = `${folder || '.'}/package.json`;
  const web = repositoryUrl?.replace(/^git\+/, '').replace(/\.git$/, '');
  const repository = manifest.repository;
  if (typeof repository !== 'object' || repository?.type !== 'git' || !repository.url) {
    problems.push(`${where}: needs "repository": { "type": "git", "url": ... }`);
  } else {
    if (repository.url !== repositoryUrl) problems.push(`${where}: repository.url must be ${repositoryUrl}`);
    if (folder && repository.directory !== folder)
      problems.push(`${where}: repository.directory must be "${folder}"`);
  }
  const homepage = folder ? `${web}/tree/main/${folder}#readme` : `${web}#readme`;
  if (manifest.homepage !== homepage) problems.push(`${where}: "homepage" must be ${homepage}`);
  if (manifest.bugs?.url !== `${web}/issues`)
    problems.push(`${where}: "bugs": { "url": "${web}/issues" } is missing`);
  if (!manifest.private) {
    if (manifest.license !== 'MIT') problems.push(`${where}: a published package needs "license": "MIT"`);
    if (!hasLicenseFile) problems.push(`${folder}/LICENSE: missing or not the root LICENSE`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rootManifest = readJson(join(root, 'package.json'));
  const repositoryUrl = rootManifest.repository?.url;
  const license = readFileSync(join(root, 'LICENSE'), 'utf8');
  const problems = [];
  if (!/^MIT License\n/.test(license)) problems.push('LICENSE: the root LICENSE must be the MIT license');
  for (const folder of workspaceFolders()) {
    const licenseFile = join(folder, 'LICENSE');
    const hasLicenseFile = existsSync(licenseFile) && readFileSync(licenseFile, 'utf8') === license;
    problems.push(
      ...checkManifest(readJson(join(folder, 'package.json')), relative(root, folder), {
        repositoryUrl,
        hasLicenseFile,
      }),
    );
  }
  if (problems.length) {
    console.error(`Package check failed:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    'Package check: every package.json names the repository, homepage and bugs; published ones are MIT with a LICENSE.',
  );
}
