// Finds the TypeScript and JavaScript snippets of every README and applies the markers of the convention
// (see README.md): `<!-- snippet: skip ... -->`, `<!-- snippet: no-run ... -->`, `<!-- snippet: continues -->`
// on the line right before a fence.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const repositoryRoot = join(import.meta.dirname, '..', '..', '..');

const LANGUAGES = { ts: 'ts', typescript: 'ts', js: 'js', javascript: 'js', mjs: 'js' };
const FENCE = /^```(\w*)\s*$/;
const MARKER = /^<!--\s*snippet:\s*(skip|no-run|continues)\b.*-->\s*$/;

/** Every README of the repository: the root's, then packages/*, apps/* and bench/. */
export function readmeFiles(root = repositoryRoot) {
  const files = [join(root, 'README.md')];
  for (const parent of ['packages', 'apps']) {
    for (const entry of readdirSync(join(root, parent)).sort()) {
      const file = join(root, parent, entry, 'README.md');
      if (existsSync(file)) files.push(file);
    }
  }
  if (existsSync(join(root, 'bench', 'README.md'))) files.push(join(root, 'bench', 'README.md'));
  return files;
}

/**
 * The snippets of one README: `{ readme, line, language, code, run }`, where `line` is the fence's line
 * (1-based), `run` false for `no-run`. Skipped blocks are left out; a `continues` block is appended to the
 * snippet before it (same language), which is then checked and run as one program.
 */
export function snippetsOf(text, readme = 'README.md') {
  const lines = text.split('\n');
  const snippets = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i]);
    if (!fence) continue;
    const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
    if (end === -1) throw new Error(`${readme}:${i + 1}: a code fence is never closed`);
    const language = LANGUAGES[fence[1]];
    const marker = i > 0 ? MARKER.exec(lines[i - 1])?.[1] : undefined;
    const code = lines.slice(i + 1, end).join('\n');
    const line = i + 1;
    i = end;
    if (!language || marker === 'skip') continue;
    if (marker === 'continues') {
      const previous = snippets.at(-1);
      if (!previous || previous.language !== language) {
        throw new Error(`${readme}:${line}: "continues" needs a ${language} snippet before it`);
      }
      previous.code += `\n${code}`;
      continue;
    }
    snippets.push({ readme, line, language, code, run: marker !== 'no-run' });
  }
  return snippets;
}

/** The snippets of every README, each named by its README (relative to the root) and line. */
export function allSnippets(root = repositoryRoot) {
  return readmeFiles(root).flatMap(file => snippetsOf(readFileSync(file, 'utf8'), relative(root, file)));
}
