// Bundles a small entry the way an edge or browser bundler would (WebCrypto build, minified, tree-shaken).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleReport {
  gzipBytes: number;
  /** Bytes each input file contributes to the output after tree-shaking (files that contribute none are left out). */
  inputs: Record<string, number>;
  /** The modules the output still imports (`node:` built-ins are kept external, never bundled). */
  imports: string[];
}

export async function bundle(source: string): Promise<BundleReport> {
  const result = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['worker', 'browser', 'import'],
    write: false,
    metafile: true,
    external: ['node:*'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.fromEntries(
    Object.entries(output!.inputs)
      .filter(([, usage]) => usage.bytesInOutput > 0)
      .map(([path, usage]) => [path, usage.bytesInOutput]),
  );
  const imports = output!.imports.map(entry => entry.path);
  return { gzipBytes: gzipSync(code, { level: 9 }).length, inputs, imports };
}
