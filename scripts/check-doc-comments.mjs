// Fails when a public property of a published package's declarations has no /** doc comment */: every
// member of an exported interface, of an object type a type alias names, every public class member, and every
// option of an options object typed inline in a function's, method's or constructor's parameters.
// Reads the built .d.ts files that package.json's `exports` point at (run after the build).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const ts = createRequire(join(root, 'package.json'))('typescript');

const hasDoc = node => (node.jsDoc ?? []).some(doc => doc.comment || doc.tags?.length);

const isPrivate = member =>
  Boolean(ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));

const isPublicClassMember = member =>
  !isPrivate(member) &&
  !(member.name && ts.isPrivateIdentifier(member.name)) &&
  !ts.isConstructorDeclaration(member) &&
  !ts.isIndexSignatureDeclaration(member) &&
  !ts.isClassStaticBlockDeclaration(member);

/** `Owner.member` for every undocumented member of the declarations in `text`. */
export function undocumentedMembers(text, fileName = 'index.d.ts') {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const check = (owner, members, isPublic = () => true) => {
    for (const member of members) {
      if (ts.isConstructorDeclaration(member) && !isPrivate(member))
        parameterOptions(`${owner}.constructor`, member);
      if (!member.name || !isPublic(member)) continue;
      if (ts.isIndexSignatureDeclaration(member) || ts.isCallSignatureDeclaration(member)) continue;
      if (ts.isMethodSignature(member) || ts.isMethodDeclaration(member))
        parameterOptions(`${owner}.${member.name.getText(source)}`, member);
      // Overloads and get/set pairs need one comment between them.
      const name = member.name.getText(source);
      if (hasDoc(member) || found.includes(`${owner}.${name}`)) continue;
      const siblings = members.filter(other => other !== member && other.name?.getText(source) === name);
      if (siblings.some(hasDoc)) continue;
      found.push(`${owner}.${name}`);
    }
  };
  // an options object typed inline in a signature: `Owner.method(param).option`
  const parameterOptions = (owner, signature) => {
    for (const parameter of signature.parameters) {
      const name = ts.isIdentifier(parameter.name) ? parameter.name.text : 'param';
      if (parameter.type) objectTypes(`${owner}(${name})`, parameter.type);
    }
  };
  const objectTypes = (owner, type) => {
    if (ts.isTypeLiteralNode(type)) check(owner, type.members);
    else if (ts.isIntersectionTypeNode(type) || ts.isUnionTypeNode(type)) {
      for (const part of type.types) objectTypes(owner, part);
    } else if (ts.isParenthesizedTypeNode(type)) objectTypes(owner, type.type);
  };
  const visit = node => {
    if (ts.isInterfaceDeclaration(node)) check(node.name.text, node.members);
    else if (ts.isTypeAliasDeclaration(node)) objectTypes(node.name.text, node.type);
    else if (ts.isClassDeclaration(node) && node.name)
      check(node.name.text, node.members, isPublicClassMember);
    else if (ts.isFunctionDeclaration(node) && node.name) parameterOptions(node.name.text, node);
    else if (ts.isModuleDeclaration(node) && node.body) ts.forEachChild(node.body, visit);
  };
  ts.forEachChild(source, visit);
  return [...new Set(found)];
}

/** The .d.ts files a package publishes: every `types` target of its `exports`, and the chunks they import. */
export function declarationFiles(folder) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const targets = new Set();
  const collect = value => {
    if (typeof value === 'string') return;
    for (const [key, inner] of Object.entries(value ?? {})) {
      if (key === 'types' && typeof inner === 'string' && inner.endsWith('.d.ts')) targets.add(inner);
      else collect(inner);
    }
  };
  collect(manifest.exports);
  const files = new Set();
  const add = file => {
    if (files.has(file) || !existsSync(file)) return;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.\/[^']+)\.js'/g)) {
      add(join(dirname(file), `${match[1]}.d.ts`));
    }
  };
  for (const target of targets) add(join(folder, target));
  return [...files];
}

/** One line per undocumented property of the published (non-private) packages in `packagesDir`. */
export function undocumentedInPackages(packagesDir) {
  const problems = [];
  for (const dir of readdirSync(packagesDir).sort()) {
    const folder = join(packagesDir, dir);
    const { name, private: isPrivate } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    if (isPrivate) continue;
    const files = declarationFiles(folder);
    if (files.length === 0) problems.push(`${name}: no built declarations (run the build first)`);
    for (const file of files) {
      for (const member of undocumentedMembers(readFileSync(file, 'utf8'), file)) {
        problems.push(`${relative(packagesDir, file)}: ${member} has no doc comment`);
      }
    }
  }
  return problems;
}

// Usage: node scripts/check-doc-comments.mjs [packagesDir] (default: the repository's packages/)
if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = undocumentedInPackages(resolve(process.argv[2] ?? join(root, 'packages')));
  if (problems.length) {
    console.error(`Doc-comment check failed (add a /** comment */ to each):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Doc-comment check: every public property of the published declarations is documented.');
}
