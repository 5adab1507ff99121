import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AUTH } from './testEnvironment';

export interface SseEvent {
  event: string;
  data: any;
}

/**
 * A live-stream client over real HTTP: reads the response body as it
 * arrives and parses Server-Sent Events. `events` fills as they come;
 * `close()` disconnects like a browser leaving the page.
 */
export async function openSse(server: Server, path: string) {
  const { port } = server.address() as AddressInfo;
  const controller = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    headers: AUTH,
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  let ended = false;
  const done = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as any) {
        buffer += decoder.decode(chunk, { stream: true });
        for (
          let idx = buffer.indexOf('\n\n');
          idx >= 0;
          idx = buffer.indexOf('\n\n')
        ) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted by close()
    }
    ended = true;
  })();
  return {
    status: res.status,
    headers: res.headers,
    events,
    get ended() {
      return ended;
    },
    /** Resolves when the server ended the response. */
    done,
    close: () => controller.abort(),
  };
}

/** Polls until `check` is true (or fails after `timeoutMs`). */
export async function eventually(
  check: () => boolean,
  timeoutMs = 3000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 20));
  }
}
