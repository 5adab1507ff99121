/**
 * @jest-environment node
 */
import { flowStreamQuery, readEventStream } from './flowStream';

/** A body that arrives in the given chunks, as fetch hands it over. */
const body = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
      c.close();
    },
  });

describe('readEventStream', () => {
  it('parses events split across chunks, skips comments and reports the end', async () => {
    const flows: unknown[] = [];
    const sampling: unknown[] = [];
    const ended: unknown[] = [];
    const done = await readEventStream(
      body(
        ': live flows\n\n',
        'event: flow\ndata: {"verdict":"DRO',
        'PPED"}\n\nevent: sampling\ndata: {"limitPerSecond":50,"received":80,"sent":50,"windowMs":1000}\n\n: keep-alive\n\n',
        'event: end\ndata: {"reason":"max-duration","message":"stop"}\n\n',
      ),
      {
        flow: f => flows.push(f),
        sampling: s => sampling.push(s),
        end: e => ended.push(e),
      },
    );
    expect(flows).toEqual([{ verdict: 'DROPPED' }]);
    expect(sampling).toEqual([
      { limitPerSecond: 50, received: 80, sent: 50, windowMs: 1000 },
    ]);
    expect(ended).toEqual([{ reason: 'max-duration', message: 'stop' }]);
    expect(done).toBe(true);
  });

  it('says when the body closed without an end event', async () => {
    expect(await readEventStream(body('event: flow\ndata: {}\n\n'), {})).toBe(
      false,
    );
  });

  it('builds the query from the set filters only', () => {
    expect(
      flowStreamQuery({
        namespace: 'tenant-jobs',
        policyVerdictsOnly: true,
      }).toString(),
    ).toBe('namespace=tenant-jobs&policyVerdictsOnly=true');
    expect(flowStreamQuery({}).toString()).toBe('');
  });
});
