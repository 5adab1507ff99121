import { ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort } from '../e2e/harness/portal';

const run = promisify(execFile);

export interface RedisServer {
  /** `redis://127.0.0.1:<port>`, as backend.cache.connection takes it. */
  url: string;
  /** Keys matching a glob pattern (redis-cli --scan). */
  keys(pattern: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A throw-away Redis (Debian's redis-server) on a free loopback port, with
 * no persistence.
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      '/tmp',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', d => (log += d));
  child.stderr?.on('data', d => (log += d));
  const cli = async (...args: string[]) =>
    (await run('redis-cli', ['-p', String(port), ...args])).stdout;

  const close = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise(r => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`redis-server exited with ${child.exitCode}:\n${log}`);
    }
    const pong = await cli('ping').catch(() => '');
    if (pong.trim() === 'PONG') break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`redis-server did not start:\n${log}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    keys: async pattern =>
      (await cli('--scan', '--pattern', pattern)).split('\n').filter(Boolean),
    close,
  };
}
