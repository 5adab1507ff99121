import { ConcurrencyLimiter } from './ConcurrencyLimiter';
import { RateLimiter } from './RateLimiter';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('ConcurrencyLimiter', () => {
  it('bounds calls per key and in total, in arrival order', async () => {
    const limiter = new ConcurrencyLimiter({
      perKey: 1,
      total: 2,
      queueTimeoutMs: 1000,
      queueLength: 10,
    });
    const order: string[] = [];
    let peak = 0;
    const job = (key: string, id: string) =>
      limiter.run(key, undefined, async () => {
        peak = Math.max(peak, limiter.active);
        order.push(id);
        await sleep(30);
      });
    await Promise.all([
      job('a', 'a1'),
      job('a', 'a2'),
      job('b', 'b1'),
      job('c', 'c1'),
    ]);
    expect(peak).toBe(2);
    expect(order.slice(0, 2)).toEqual(['a1', 'b1']);
    expect(order).toHaveLength(4);
    expect(limiter.active).toBe(0);
  });

  it('lets an aborted waiter leave the queue', async () => {
    const limiter = new ConcurrencyLimiter({
      perKey: 1,
      total: 1,
      queueTimeoutMs: 5000,
      queueLength: 10,
    });
    const first = limiter.run('a', undefined, () => sleep(50));
    const controller = new AbortController();
    const second = limiter.run('a', controller.signal, async () => 'ran');
    controller.abort(new Error('gave up'));
    await expect(second).rejects.toThrow('gave up');
    await first;
    expect(limiter.active).toBe(0);
  });
});

describe('RateLimiter', () => {
  it('allows perMinute calls per caller, then refuses with the wait', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 'flows requests', () => now);
    limiter.take('alice');
    limiter.take('alice');
    limiter.take('bob');
    expect(() => limiter.take('alice')).toThrow(
      expect.objectContaining({
        name: 'TooManyRequestsError',
        retryAfterSeconds: 30,
      }),
    );
    now += 30_000;
    expect(() => limiter.take('alice')).not.toThrow();
  });
});
