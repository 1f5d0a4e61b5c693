// Fails when a package imports from a layer above it, from a package it may not use, or from another
// package's internals. The allowed edges are the arrows of ../shared/design/ARCHITECTURE.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Which workspace packages each package may import at runtime (its own name is always allowed). */
export const allowedImports = {
  '@clerk/jwt-core': [],
  '@clerk/jwks-resolver': ['@clerk/jwt-core'],
  '@clerk/bapi-client': ['@clerk/jwt-core'],
  '@clerk/auth-state': ['@clerk/jwt-core', '@clerk/jwks-resolver'],
  '@clerk/webhooks': ['@clerk/jwks-resolver', '@clerk/bapi-client'],
  '@clerk/backend': [
    '@clerk/jwt-core',
    '@clerk/jwks-resolver',
    '@clerk/bapi-client',
    '@clerk/auth-state',
    '@clerk/webhooks',
  ],
  '@clerk/local-instance': ['@clerk/jwt-core'],
};

const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|cts|js|mjs)$/.test(entry) && !/\.test\.|\.spec\./.test(entry)) yield path;
  }
}

export function checkPackage(folder, name, files = sourceFiles(join(folder, 'src'))) {
  const problems = [];
  const allowed = allowedImports[name];
  if (!allowed) return [`${name}: not in the layer table of scripts/check-layers.mjs`];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
      const where = relative(root, file);
      if (spec.startsWith('.')) {
        const target = resolve(file, '..', spec);
        if (!target.startsWith(folder + sep)) problems.push(`${where}: "${spec}" reaches outside ${name}`);
        continue;
      }
      const pkg = spec.match(/^(@clerk\/[^/]+)(\/.*)?$/);
      if (!pkg || pkg[1] === name) continue;
      if (!allowed.includes(pkg[1])) problems.push(`${where}: ${name} may not import ${pkg[1]} (layer rule)`);
      else if (pkg[2])
        problems.push(`${where}: "${spec}" reaches into ${pkg[1]}'s internals; use its public entry`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const packagesDir = join(root, 'packages');
  const problems = [];
  for (const dir of readdirSync(packagesDir)) {
    const folder = join(packagesDir, dir);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    problems.push(...checkPackage(folder, manifest.name));
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      if (dep.startsWith('@clerk/') && !allowedImports[manifest.name]?.includes(dep)) {
        problems.push(`packages/${dir}/package.json: ${manifest.name} may not depend on ${dep} (layer rule)`);
      }
    }
  }
  if (problems.length) {
    console.error(`Layer check failed:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Layer check: every package imports only from the layers below it, through public entries.');
}
