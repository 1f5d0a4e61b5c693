// Every type name 0.38.15's declarations export must be importable from ours. The list is read at test time
// from the installed 0.38.15 (`clerk-backend-038`), so it cannot drift; the import is type-checked by tsc
// against the built declarations of this package, as a user's `import type` would be.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packageDir = resolve(import.meta.dirname, '..');
const legacyTypes = join(
  createRequire(import.meta.url).resolve('clerk-backend-038/package.json'),
  '../dist/types/index.d.ts',
);

function exportedNames(file: string): string[] {
  const program = ts.createProgram([file], { noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(file)!);
  return checker
    .getExportsOfModule(module!)
    .map(symbol => symbol.name)
    .sort();
}

function diagnosticsOf(source: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'clerk-legacy-types-'));
  try {
    const nodeModules = join(dir, 'node_modules', '@clerk');
    mkdirSync(nodeModules, { recursive: true });
    symlinkSync(packageDir, join(nodeModules, 'backend'), 'dir');
    const file = join(dir, 'consumer.ts');
    writeFileSync(file, source);
    const program = ts.createProgram([file], {
      noEmit: true,
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("0.38.15's exported type names", () => {
  const names = exportedNames(legacyTypes);

  it('are read from the installed 0.38.15 declarations', () => {
    expect(names.length).toBeGreaterThan(90);
    expect(names).toContain('AuthenticateRequestOptions');
    expect(names).toContain('WebhookEvent');
    expect(names).toContain('UserJSON');
  });

  it('every one is importable from @clerk/backend with `import type`', () => {
    const source = `import type { ${names.join(', ')} } from '@clerk/backend';\nexport type { ${names.join(', ')} };\n`;
    expect(diagnosticsOf(source)).toEqual([]);
  });

  it('the check fails for a name we do not export', () => {
    expect(
      diagnosticsOf("import type { NoSuchName } from '@clerk/backend';\nexport type { NoSuchName };\n"),
    ).toEqual([expect.stringContaining('NoSuchName')]);
  });
});
