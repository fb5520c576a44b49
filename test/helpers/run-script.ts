/* Runs one of the project's TypeScript entry points (src/*.ts) in a child process through tsx, as its npm script would without the build step. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ScriptRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** tsx's loader by its URL, so a script also runs from another working directory. */
const TSX = pathToFileURL(join(process.cwd(), 'node_modules/tsx/dist/loader.mjs')).href;

/**
 * `script` (relative to the repository, e.g. `src/export-cli.ts`) with `args`, an environment of
 * PATH plus `env` only (nothing else leaks in from the test's own environment), in `cwd`.
 */
export function runScript(script: string, args: readonly string[], env: Readonly<Record<string, string>>, cwd?: string): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, join(process.cwd(), script), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
