/**
 * Child process of the status benchmark: the HTTP client, in its own
 * process so that receiving responses does not share the measured
 * backend's event loop (a browser would not). Two kinds of messages:
 * - `{ type: 'load', urls, headers, total, concurrency }`: warm load, answers
 *   `{ samples, failed }`;
 * - `{ type: 'one', id, url, method?, headers, body? }`: one timed request,
 *   answers `{ id, ms, status, bytes }`.
 */
import { timedRequest } from './measure';

interface LoadRequest {
  type: 'load';
  urls: string[];
  headers: Record<string, string>;
  total: number;
  concurrency: number;
}

interface OneRequest {
  type: 'one';
  id: number;
  url: string;
  method?: string;
  headers: Record<string, string>;
  body?: string;
}

async function load(m: LoadRequest) {
  const samples: number[] = [];
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: m.concurrency }, async () => {
      while (next < m.total) {
        const i = next++;
        const r = await timedRequest(m.urls[i % m.urls.length], {
          headers: m.headers,
        });
        if (r.status !== 200 && r.status !== 304) failed++;
        samples.push(r.ms);
      }
    }),
  );
  process.send!({ samples, failed });
}

process.on('message', async (m: LoadRequest | OneRequest) => {
  if (m.type === 'load') {
    await load(m);
    return;
  }
  const r = await timedRequest(m.url, {
    method: m.method,
    headers: m.headers,
    body: m.body,
  });
  process.send!({ id: m.id, ...r });
});
