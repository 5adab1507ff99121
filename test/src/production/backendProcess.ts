import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { repoRoot } from '../e2e/harness/portal';

export interface BackendProcess {
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

export interface StartBackendOptions {
  port: number;
  /** Config files relative to the repository root, in load order. */
  configFiles: string[];
  /** A last config layer (e.g. clusters), written to a temp file. */
  overlay?: Record<string, unknown>;
  /** Environment the config substitutes (`${VAR}`). */
  env: Record<string, string>;
  readyTimeoutMs?: number;
}

/**
 * Runs the real backend (packages/backend/src/index.ts) as its start command
 * does: cwd packages/backend, transpiled by the Backstage CLI's Node hooks,
 * and waits for `/.backstage/health/v1/readiness`.
 */
export async function startBackendProcess(
  options: StartBackendOptions,
): Promise<BackendProcess> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-config-'));
  const configArgs = options.configFiles.flatMap(f => [
    '--config',
    path.join(repoRoot, f),
  ]);
  if (options.overlay) {
    const file = path.join(dir, 'app-config.overlay.yaml');
    fs.writeFileSync(file, YAML.stringify(options.overlay));
    configArgs.push('--config', file);
  }
  const backendDir = path.join(repoRoot, 'packages/backend');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs', {
        paths: [backendDir],
      }),
      'src/index.ts',
      ...configArgs,
    ],
    {
      cwd: backendDir,
      detached: true,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        FORCE_COLOR: '0',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', d => (log += d));
  child.stderr?.on('data', d => (log += d));

  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise(r => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 10_000);
        await exited;
        clearTimeout(timer);
      } catch {
        // already gone
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The backend exited with ${child.exitCode}:\n${log}`);
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    const fatal = /Unhandled rejection|Backend failed to start/.test(log);
    if (fatal || Date.now() > deadline) {
      await stop();
      throw new Error(
        `The backend ${
          fatal ? 'failed to start' : 'did not become ready in time'
        }:\n${log}`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
  return { baseUrl, output: () => log, stop };
}
