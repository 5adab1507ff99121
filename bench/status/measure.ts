import v8 from 'node:v8';
import vm from 'node:vm';
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * One HTTP request, timed until the last byte of the body arrived. The body
 * is not parsed: the figure is the server's, not the client's JSON.parse.
 */
export function timedRequest(
  url: string,
  opts: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<{ ms: number; status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      url,
      { method: opts.method ?? 'GET', headers: opts.headers, agent },
      res => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () =>
          resolve({
            ms: performance.now() - started,
            status: res.statusCode ?? 0,
            bytes,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)
  ];
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * Resident set size in MiB after a full garbage collection, so that the
 * figure is what the process holds, not when V8 last happened to collect.
 */
export function rssMb(): number {
  gc();
  return process.memoryUsage().rss / 1024 / 1024;
}

/** Samples RSS every 25 ms (no forced GC) and reports the peak in MiB. */
export function rssPeak() {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss / 1024 / 1024);
  }, 25);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * CPU time this process (the servers under test) spends until `stop()`,
 * in ms: user + system, all threads (gzip runs on libuv's pool).
 */
export function serverCpu() {
  const start = process.cpuUsage();
  return {
    stop: () => {
      const d = process.cpuUsage(start);
      return (d.user + d.system) / 1000;
    },
  };
}
