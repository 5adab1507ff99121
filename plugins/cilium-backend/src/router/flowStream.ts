import type express from 'express';
import type { FlowStreamQuery } from '@internal/plugin-cilium-common';
import type {
  FlowStreamSubscriber,
  FlowStreams,
} from '../service/FlowStreamHub';

/** A comment line every this often keeps proxies from closing an idle stream. */
export const SSE_KEEPALIVE_MS = 15_000;

/**
 * Serves a live stream as Server-Sent Events
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * `event: <name>` and one `data:` line of JSON per event. The subscription
 * ends when the client disconnects; an `end` event precedes a server-side
 * close. `no-transform` keeps compression middleware from buffering events.
 * Resolves once the stream is open; rejects before anything is written
 * (404, 429 when no Relay stream slot frees) so the error handler answers.
 */
export async function serveFlowStream(
  streams: FlowStreams,
  cluster: string,
  query: FlowStreamQuery,
  res: express.Response,
  keepAliveMs = SSE_KEEPALIVE_MS,
): Promise<void> {
  let open = true;
  let gone = false;
  res.on('close', () => {
    gone = true;
  });
  // set once the headers are out; close() may come first (no slot, ended)
  let keepAlive: ReturnType<typeof setInterval> | null = null;
  const write = (chunk: string) => {
    if (!open) return;
    res.write(chunk);
    (res as unknown as { flush?: () => void }).flush?.();
  };
  const subscriber: FlowStreamSubscriber = {
    send: (event, data) =>
      write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    close: () => {
      if (!open) return;
      open = false;
      if (keepAlive) clearInterval(keepAlive);
      res.end();
    },
  };
  const unsubscribe = await streams.subscribe(cluster, query, subscriber);
  if (gone) {
    // the client left while the stream waited for a slot
    open = false;
    unsubscribe();
    return;
  }
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'private, no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  write(': live flows\n\n');
  keepAlive = setInterval(() => write(': keep-alive\n\n'), keepAliveMs);
  keepAlive.unref();
  res.on('close', () => {
    if (keepAlive) clearInterval(keepAlive);
    open = false;
    unsubscribe();
  });
}
