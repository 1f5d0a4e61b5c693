import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ stdin: { contents: "export { verifyToken } from '@clerk/backend';", resolveDir: import.meta.dirname, loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module','main'], conditions: ['worker','browser','import'], write: false, metafile: true, logLevel: 'silent' });
const out = r.outputFiles[0];
console.log('gzip', gzipSync(out.contents, { level: 9 }).length);
const inputs = Object.entries(r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput);
for (const [k, v] of inputs) console.log(v.bytesInOutput, k);
if (process.argv[2]) (await import("node:fs")).writeFileSync(process.argv[2], out.text);
