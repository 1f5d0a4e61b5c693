import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { unusedPort } from './localServer';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface PrismMock {
  url: string;
  log: () => string;
  stop(): Promise<void>;
}

/** The spec with `/v1` before every path (Prism ignores the server's base path), in a temp folder. */
export function writeDerivedSpec(specPath: string): { file: string; cleanup: () => void } {
  const spec = parse(readFileSync(specPath, 'utf8'));
  spec.paths = Object.fromEntries(Object.entries(spec.paths).map(([path, item]) => [`/v1${path}`, item]));
  const folder = mkdtempSync(join(tmpdir(), 'bapi-prism-'));
  const file = join(folder, 'spec-v1.yml');
  writeFileSync(file, stringify(spec));
  return { file, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Starts Prism 5.14.2 (the package's devDependency) on 127.0.0.1 and waits until it listens (bounded). */
export async function startPrism(specPath: string, readyTimeoutInMs = 150_000): Promise<PrismMock> {
  const derived = writeDerivedSpec(specPath);
  const port = await unusedPort();
  const bin = join(packageDir, 'node_modules', '.bin', 'prism');
  const child: ChildProcess = spawn(bin, ['mock', '-h', '127.0.0.1', '-p', String(port), derived.file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`Prism did not start within ${readyTimeoutInMs} ms:\n${output}`)),
      readyTimeoutInMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', code => {
      clearTimeout(timer);
      fail(new Error(`Prism exited with ${code}:\n${output}`));
    });
  });
  try {
    await ready;
  } catch (error) {
    child.kill();
    derived.cleanup();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise(done => child.once('exit', done));
        child.kill();
        await exited;
      }
      derived.cleanup();
    },
  };
}
