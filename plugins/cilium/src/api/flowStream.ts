import type {
  FlowStreamEvents,
  FlowStreamQuery,
} from '@internal/plugin-cilium-common';

/** Callbacks of a live stream, one per event name. */
export type FlowStreamHandlers = {
  [E in keyof FlowStreamEvents]?: (data: FlowStreamEvents[E]) => void;
} & {
  /** The connection failed or closed without an `end` event. */
  onError?: (error: Error) => void;
};

/** Options of {@link CiliumApi.streamFlows}. */
export type StreamFlowsOptions = FlowStreamQuery;

/** The stream's query string. */
export function flowStreamQuery(query: FlowStreamQuery): URLSearchParams {
  const q = new URLSearchParams();
  if (query.namespace) q.set('namespace', query.namespace);
  if (query.verdict) q.set('verdict', query.verdict);
  if (query.policyVerdictsOnly) q.set('policyVerdictsOnly', 'true');
  return q;
}

/**
 * Reads a Server-Sent Events body (`event:` / `data:` lines, blank line
 * between events; https://html.spec.whatwg.org/multipage/server-sent-events.html)
 * and calls the handler of each event. Comment lines (`:`) are skipped.
 * Read through fetch rather than EventSource so the request carries the
 * Backstage token like every other call.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  handlers: FlowStreamHandlers,
): Promise<boolean> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
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
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trimStart();
      }
      if (!data) continue;
      const handler = (handlers as Record<string, (d: unknown) => void>)[event];
      handler?.(JSON.parse(data));
      if (event === 'end') ended = true;
    }
  }
  return ended;
}
