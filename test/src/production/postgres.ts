import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../e2e/harness/portal';

const run = promisify(execFile);

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Runs SQL with psql against `database`; rows as tab-separated lines. */
  query(database: string, sql: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The newest PostgreSQL server binaries Debian installed. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter(v => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) {
    throw new Error(
      `No PostgreSQL server under ${root}: install Debian's postgresql package (scripts/test.sh does)`,
    );
  }
  return path.join(root, versions[0], 'bin');
}

/**
 * util-linux's runuser lives in /usr/sbin (Debian), which a non-login PATH
 * may leave out.
 */
function runuserPath(): string {
  const found = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(
    p => fs.existsSync(p),
  );
  return found ?? 'runuser';
}

/**
 * A throw-away PostgreSQL cluster: initdb in a temp dir and the server on a
 * free loopback port, with password authentication. PostgreSQL refuses to
 * run as root, so as root both run as the `postgres` user.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-'));
  const asRoot = process.getuid?.() === 0;
  const wrap = (cmd: string, args: string[]): [string, string[]] =>
    asRoot
      ? [runuserPath(), ['-u', 'postgres', '--', path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args];
  if (asRoot) fs.chownSync(dir, ...postgresIds());
  const user = 'backstage';
  const password = 'throwaway-test-password';
  const pwfile = path.join(dir, 'pwfile');
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (asRoot) fs.chownSync(pwfile, ...postgresIds());
  const data = path.join(dir, 'data');
  await run(
    ...wrap('initdb', [
      '-D',
      data,
      '-U',
      user,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--no-sync',
    ]),
  );
  const port = await freePort();
  const [cmd, args] = wrap('postgres', [
    '-D',
    data,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-k',
    dir,
    '-c',
    'fsync=off',
    '-c',
    'max_connections=200',
  ]);
  const child: ChildProcess = spawn(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', d => (log += d));
  child.stderr?.on('data', d => (log += d));

  const psql = path.join(bin, 'psql');
  const exec = async (database: string, sql: string) => {
    const { stdout } = await run(
      psql,
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        user,
        '-d',
        database,
        '-At',
        '-F',
        '\t',
        '-c',
        sql,
      ],
      { env: { ...process.env, PGPASSWORD: password } },
    );
    return stdout.split('\n').filter(Boolean);
  };
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(r => child.once('exit', r));
      // runuser does not pass signals on; pg_ctl stops the server itself.
      await run(...wrap('pg_ctl', ['-D', data, 'stop', '-m', 'fast'])).catch(
        () => child.kill('SIGKILL'),
      );
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`PostgreSQL exited with ${child.exitCode}:\n${log}`);
    }
    try {
      await exec('postgres', 'select 1');
      break;
    } catch (e) {
      if (Date.now() > deadline) {
        await close();
        throw new Error(`PostgreSQL did not start: ${e}\n${log}`);
      }
      await new Promise(r => setTimeout(r, 200));
    }
  }
  return { host: '127.0.0.1', port, user, password, query: exec, close };
}

function postgresIds(): [number, number] {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find(l => l.startsWith('postgres:'));
  if (!line)
    throw new Error('No postgres user: install the postgresql package');
  const [, , uid, gid] = line.split(':');
  return [Number(uid), Number(gid)];
}
