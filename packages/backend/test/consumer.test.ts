// Packs the public packages as npm would publish them, installs the tarballs into a scratch project and
// uses them from CommonJS, ESM and TypeScript (node16 and bundler resolution), as a user would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packagesDir = resolve(import.meta.dirname, '../..');
const published = ['jwt-core', 'jwks-resolver', 'bapi-client', 'auth-state', 'webhooks', 'backend'];
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let project: string;

const run = (file: string, args: string[]) =>
  execFileSync(file, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'clerk-consumer-'));
  const tarballs = join(project, 'tarballs');
  for (const name of published) {
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], {
      cwd: join(packagesDir, name),
      stdio: 'ignore',
    });
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  const files = readdirSync(tarballs).map(file => join(tarballs, file));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files]);
}, 240_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed packages in a fresh project', () => {
  it('load with require()', () => {
    const out = run(process.execPath, [
      '-e',
      "const b = require('@clerk/backend'); console.log(typeof b.Clerk, typeof b.verifyToken, typeof b.Clerk({ secretKey: 'sk_test_x' }).users.getUser)",
    ]);
    expect(out.trim()).toBe('function function function');
  });

  it('load with import()', () => {
    const out = run(process.execPath, [
      '--input-type=module',
      '-e',
      "const b = await import('@clerk/backend'); console.log(typeof b.createClerkClient, typeof b.authenticateRequest, typeof b.decodeJwt)",
    ]);
    expect(out.trim()).toBe('function undefined function');
  });

  it('load @clerk/backend/node with require() and import(), and ship a LICENSE in every package', () => {
    const required = run(process.execPath, [
      '-e',
      "console.log(typeof require('@clerk/backend/node').toWebRequest)",
    ]);
    expect(required.trim()).toBe('function');
    const imported = run(process.execPath, [
      '--input-type=module',
      '-e',
      "const { toWebRequest } = await import('@clerk/backend/node'); console.log(typeof toWebRequest)",
    ]);
    expect(imported.trim()).toBe('function');
    for (const name of published) {
      const license = readFileSync(join(project, 'node_modules', '@clerk', name, 'LICENSE'), 'utf8');
      expect(license).toMatch(/^MIT License\n/);
    }
  });

  it('load the ./webhooks subpath with require() and import(), one function with the root export', () => {
    const out = run(process.execPath, [
      '--input-type=module',
      '-e',
      [
        "import { createRequire } from 'node:module';",
        "const required = createRequire(process.cwd() + '/').call(null, '@clerk/backend/webhooks');",
        "const imported = await import('@clerk/backend/webhooks');",
        "const root = await import('@clerk/backend');",
        'console.log(typeof required.verifyWebhook, typeof imported.WebhookVerificationError, imported.verifyWebhook === root.verifyWebhook);',
      ].join(' '),
    ]);
    expect(out.trim()).toBe('function function true');
  });

  it.each(['node16', 'bundler'])(
    'type-check under moduleResolution %s',
    resolution => {
      const source = [
        "import { Clerk, verifyToken, type RequestState } from '@clerk/backend';",
        "const clerk = Clerk({ secretKey: 'sk_test_x' });",
        'export async function handler(request: Request): Promise<RequestState> {',
        "  await verifyToken('t', { jwtKey: 'k' });",
        "  const { data, errors } = await clerk.users.getUser('user_1');",
        '  if (errors) throw new Error(errors[0]?.message);',
        '  data.id satisfies string;',
        '  return clerk.authenticateRequest({ request });',
        '}',
      ].join('\n');
      writeFileSync(join(project, resolution === 'node16' ? 'index.mts' : 'index.ts'), source);
      const module = resolution === 'node16' ? 'node16' : 'esnext';
      writeFileSync(
        join(project, `tsconfig.${resolution}.json`),
        JSON.stringify({
          compilerOptions: {
            module,
            moduleResolution: resolution,
            target: 'es2022',
            lib: ['es2022', 'dom'],
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: [],
          },
          files: [resolution === 'node16' ? 'index.mts' : 'index.ts'],
        }),
      );
      let diagnostics = '';
      try {
        run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`]);
      } catch (error) {
        const failure = error as { stdout?: string; stderr?: string };
        diagnostics = `${failure.stdout ?? ''}${failure.stderr ?? ''}` || String(error);
      }
      expect(diagnostics).toBe('');
    },
    120_000,
  );
});
