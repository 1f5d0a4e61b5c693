// Every ts/js snippet of every README, type-checked against the built packages and run with Node, each
// with a fresh local Clerk instance on 127.0.0.1 whose keys are in process.env (README.md: the convention).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { startLocalInstance } from '@clerk/local-instance';
import { transform } from 'esbuild';
import ts from 'typescript';
import { allSnippets, snippetsOf } from '../src/snippets.mjs';

const RUN_TIMEOUT_MS = 30_000;
const appDir = join(import.meta.dirname, '..');
const snippets = allSnippets();
let scratch;

const fileOf = (snippet, index) =>
  `${snippet.readme.replace(/[^\w]+/g, '_')}_${snippet.line}_${index}.${snippet.language === 'ts' ? 'ts' : 'mjs'}`;

before(() => {
  // Inside this app, so that the snippets resolve @clerk/* and the frameworks from its node_modules.
  scratch = mkdtempSync(join(appDir, '.snippets-'));
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const [index, snippet] of snippets.entries())
    writeFileSync(join(scratch, fileOf(snippet, index)), snippet.code);
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test('the READMEs have snippets to check', () => {
  assert.ok(snippets.length >= 10, `only ${snippets.length} snippets found`);
});

test('every snippet type-checks (strict) against the built packages', () => {
  const files = snippets.map((snippet, index) => join(scratch, fileOf(snippet, index)));
  const program = ts.createProgram(files, {
    noEmit: true,
    strict: true,
    allowJs: true,
    checkJs: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    moduleDetection: ts.ModuleDetectionKind.Force,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    typeRoots: [join(appDir, 'node_modules', '@types')],
    skipLibCheck: true,
  });
  const byFile = new Map(files.map((file, index) => [file, snippets[index]]));
  const problems = ts.getPreEmitDiagnostics(program).map(diagnostic => {
    const snippet = diagnostic.file && byFile.get(diagnostic.file.fileName);
    const where = snippet
      ? `${snippet.readme}:${snippet.line} (snippet line ${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1})`
      : (diagnostic.file?.fileName ?? 'options');
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
  assert.deepEqual(problems, []);
});

describe('every runnable snippet runs to completion against a local instance', () => {
  snippets.forEach((snippet, index) => {
    if (!snippet.run) return;
    test(`${snippet.readme}:${snippet.line}`, async () => {
      const instance = await startLocalInstance();
      try {
        const source =
          snippet.language === 'ts'
            ? (await transform(snippet.code, { loader: 'ts', format: 'esm', target: 'node20' })).code
            : snippet.code;
        const file = join(scratch, `run-${index}.mjs`);
        writeFileSync(file, source);
        const env = {
          ...process.env,
          NODE_ENV: 'test',
          CLERK_SECRET_KEY: instance.secretKey,
          CLERK_PUBLISHABLE_KEY: instance.publishableKey,
          CLERK_API_URL: instance.apiUrl,
          CLERK_JWT_KEY: instance.publicKeyPem,
        };
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [file], {
          cwd: scratch,
          env,
          timeout: RUN_TIMEOUT_MS,
        }).catch(error => {
          throw new Error(
            `${snippet.readme}:${snippet.line} failed (${error.code ?? error.signal}):\n${error.stderr}\n${error.stdout}`,
          );
        });
        assert.equal(typeof stdout, 'string', stderr);
      } finally {
        await instance.stop();
      }
    });
  });
});

test('the markers: skip leaves a block out, no-run only type-checks it, continues appends to the one before', () => {
  const text = [
    '```ts',
    'const a = 1;',
    '```',
    '<!-- snippet: continues -->',
    '```ts',
    'console.log(a);',
    '```',
    '<!-- snippet: skip (pseudo-code) -->',
    '```ts',
    'not code',
    '```',
    '<!-- snippet: no-run (needs your server) -->',
    '```js',
    'await fetch(url);',
    '```',
    '```sh',
    'npm test',
    '```',
  ].join('\n');
  assert.deepEqual(snippetsOf(text, 'X.md'), [
    { readme: 'X.md', line: 1, language: 'ts', code: 'const a = 1;\nconsole.log(a);', run: true },
    { readme: 'X.md', line: 13, language: 'js', code: 'await fetch(url);', run: false },
  ]);
  assert.throws(
    () => snippetsOf('<!-- snippet: continues -->\n```ts\nx\n```'),
    /needs a ts snippet before it/,
  );
});
