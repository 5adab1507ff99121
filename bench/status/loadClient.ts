/**
 * Child process of the status benchmark: generates the warm load (N requests,
 * C concurrent) from its own process, so that the client's work does not
 * share the measured backend's event loop, and reports each latency.
 */
import { timedRequest } from './measure';

interface LoadRequest {
  urls: string[];
  headers: Record<string, string>;
  total: number;
  concurrency: number;
}

process.on('message', async (m: LoadRequest) => {
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
        if (r.status !== 200) failed++;
        samples.push(r.ms);
      }
    }),
  );
  process.send!({ samples, failed });
});
