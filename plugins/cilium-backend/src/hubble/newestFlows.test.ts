import { NewestFlows } from './newestFlows';
import type { WireFlow } from './wire';

const flowAt = (seconds: number, uuid: string) =>
  ({ time: { seconds: String(seconds), nanos: 0 }, uuid } as WireFlow);

describe('NewestFlows', () => {
  it('keeps the newest N, oldest first, whatever the arrival order', () => {
    const newest = new NewestFlows(3);
    for (const [s, id] of [
      [5, 'e'],
      [1, 'a'],
      [9, 'i'],
      [3, 'c'],
      [7, 'g'],
      [8, 'h'],
      [2, 'b'],
    ] as const) {
      newest.add(flowAt(s, id));
    }
    expect(newest.result().map(f => f.uuid)).toEqual(['g', 'h', 'i']);
    expect(newest.received).toBe(7);
  });

  it('keeps arrival order for equal timestamps and flows without a time', () => {
    const newest = new NewestFlows(10);
    newest.add(flowAt(4, 'x'));
    newest.add(flowAt(4, 'y'));
    newest.add({ time: null, uuid: 'no-time' } as WireFlow);
    expect(newest.result().map(f => f.uuid)).toEqual(['no-time', 'x', 'y']);
  });
});
