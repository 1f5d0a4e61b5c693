// Every ts/js snippet of every README, type-checked against the built packages and run with Node, each
// with a fresh local Clerk instance on 127.0.0.1 whose keys are in process.env (README.md: the convention).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createScratch, runSnippet, typeCheck } from '../src/check.mjs';
import { allSnippets, snippetsOf } from '../src/snippets.mjs';

const snippets = allSnippets();
let scratch;

before(() => {
  scratch = createScratch();
});

after(() => scratch.remove());

test('the READMEs have snippets to check', () => {
  assert.ok(snippets.length >= 10, `only ${snippets.length} snippets found`);
});

test('every snippet type-checks (strict) against the built packages', () => {
  assert.deepEqual(typeCheck(snippets.map(snippet => ({ snippet, file: scratch.add(snippet) }))), []);
});

describe('every runnable snippet runs to completion against a local instance', () => {
  for (const snippet of snippets.filter(each => each.run)) {
    test(`${snippet.readme}:${snippet.line}`, () => runSnippet(snippet, scratch));
  }
});

describe('the checks can fail', () => {
  const bad = (code, language = 'ts') => ({ readme: 'BAD.md', line: 3, language, code, run: true });

  test('a snippet that does not type-check is reported with its README and line', () => {
    const snippet = bad("import { Clerk } from '@clerk/backend';\nconst n: number = Clerk;\n");
    const problems = typeCheck([{ snippet, file: scratch.add(snippet) }]);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /^BAD\.md:3 \(snippet line 2\): Type .* is not assignable to type 'number'/);
  });

  test('a snippet that throws, and one that never ends, fail the run', async () => {
    await assert.rejects(
      runSnippet(bad("throw new Error('boom');", 'js'), scratch),
      /BAD\.md:3 failed \(exit 1\)[\s\S]*boom/,
    );
    await assert.rejects(
      runSnippet(bad('setInterval(() => {}, 1000);', 'js'), scratch, 2000),
      /still running/,
    );
  });

  test('a snippet sees the local instance in process.env', async () => {
    const { stdout } = await runSnippet(
      bad(
        "import { Clerk } from '@clerk/backend';\nconst { data } = await Clerk().users.getCount();\nconsole.log(data, process.env.CLERK_API_URL);",
        'js',
      ),
      scratch,
    );
    assert.match(stdout, /^0 http:\/\/127\.0\.0\.1:\d+\n$/);
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
