import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** The repository root: the parent of this package's folder (test/). */
export const repoRoot = resolvePackagePath(
  '@internal/cilium-test-servers',
  '..',
);

export interface Portal {
  /** Origin serving both the built frontend and the backend API. */
  baseUrl: string;
  /** Everything the backend printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartPortalOptions {
  /** Extra app-config merged over app-config.yaml (e.g. clusters). */
  config?: Record<string, unknown>;
  /** How long to wait for the backend to answer. */
  readyTimeoutMs?: number;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real Backstage backend (which serves the built frontend from
 * packages/app/dist) on a free port, with app-config.yaml plus `config`.
 * The frontend must have been built (`yarn workspace app build`).
 */
export async function startPortal(
  options: StartPortalOptions = {},
): Promise<Portal> {
  const dist = path.join(repoRoot, 'packages/app/dist/index.html');
  if (!fs.existsSync(dist)) {
    throw new Error(
      `The frontend is not built (${dist} is missing): run "yarn workspace app build" first`,
    );
  }
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const overlay = {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { port, host: '127.0.0.1' },
      cors: { origin: baseUrl },
    },
    ...options.config,
  };
  const overlayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-config-'));
  const overlayFile = path.join(overlayDir, 'app-config.e2e.yaml');
  fs.writeFileSync(overlayFile, YAML.stringify(overlay));

  // Run the backend entry point directly (no watch mode, so edits to the
  // tree during a run cannot restart it), transpiled by the Backstage CLI's
  // Node hooks exactly as `backstage-cli package start` does.
  const backendDir = path.join(repoRoot, 'packages/backend');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs', {
        paths: [backendDir],
      }),
      'src/index.ts',
      '--config',
      path.join(repoRoot, 'app-config.yaml'),
      '--config',
      overlayFile,
    ],
    {
      cwd: backendDir,
      detached: true,
      env: { ...process.env, NODE_ENV: 'development', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', d => (log += d));
  child.stderr?.on('data', d => (log += d));

  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise(r => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
    fs.rmSync(overlayDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`The backend exited with ${child.exitCode}:\n${log}`);
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The backend did not become ready in time:\n${log}`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
  return { baseUrl, output: () => log, stop };
}
