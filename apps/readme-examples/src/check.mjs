// Type-checks snippets as one strict TypeScript program and runs one snippet with Node against a fresh local
// Clerk instance. Snippet files live in a scratch folder inside this app, so that they resolve @clerk/* and the
// frameworks from its node_modules.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startLocalInstance } from '@clerk/local-instance';
import { transform } from 'esbuild';
import ts from 'typescript';

export const RUN_TIMEOUT_MS = 30_000;
const appDir = join(import.meta.dirname, '..');

/** A scratch folder (an ES module package) holding the snippets as files; `remove()` deletes it. */
export function createScratch() {
  const dir = mkdtempSync(join(appDir, '.snippets-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  let count = 0;
  return {
    dir,
    /** Writes the snippet and returns its file. */
    add(snippet) {
      const name = `${snippet.readme.replace(/[^\w]+/g, '_')}_${snippet.line}_${count++}`;
      const file = join(dir, `${name}.${snippet.language === 'ts' ? 'ts' : 'mjs'}`);
      writeFileSync(file, snippet.code);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The diagnostics of the snippets (`[{ snippet, file }]`) as one strict program, each named by README and line. */
export function typeCheck(entries) {
  const program = ts.createProgram(
    entries.map(entry => entry.file),
    {
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
    },
  );
  const byFile = new Map(entries.map(entry => [entry.file, entry.snippet]));
  return ts.getPreEmitDiagnostics(program).map(diagnostic => {
    const snippet = diagnostic.file && byFile.get(diagnostic.file.fileName);
    const line = snippet && diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    const where = snippet
      ? `${snippet.readme}:${snippet.line} (snippet line ${line})`
      : (diagnostic.file?.fileName ?? 'options');
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/**
 * Runs one snippet with Node (TypeScript stripped by esbuild) with a fresh local instance's keys in
 * `CLERK_SECRET_KEY`, `CLERK_PUBLISHABLE_KEY`, `CLERK_API_URL` and `CLERK_JWT_KEY`; rejects, with its output,
 * when it exits non-zero or outlives the timeout.
 */
export async function runSnippet(snippet, scratch, timeoutInMs = RUN_TIMEOUT_MS) {
  const instance = await startLocalInstance();
  try {
    const source =
      snippet.language === 'ts'
        ? (await transform(snippet.code, { loader: 'ts', format: 'esm', target: 'node20' })).code
        : snippet.code;
    const file = scratch.add({ ...snippet, language: 'js', code: source });
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      CLERK_SECRET_KEY: instance.secretKey,
      CLERK_PUBLISHABLE_KEY: instance.publishableKey,
      CLERK_API_URL: instance.apiUrl,
      CLERK_JWT_KEY: instance.publicKeyPem,
    };
    return await promisify(execFile)(process.execPath, [file], {
      cwd: scratch.dir,
      env,
      timeout: timeoutInMs,
    }).catch(error => {
      const how = error.killed ? `still running after ${timeoutInMs} ms` : `exit ${error.code}`;
      throw new Error(`${snippet.readme}:${snippet.line} failed (${how}):\n${error.stderr}\n${error.stdout}`);
    });
  } finally {
    await instance.stop();
  }
}
