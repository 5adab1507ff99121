import { timestampMillis } from './printer/goFormat';
import type { WireFlow } from './wire';

/**
 * Keeps the newest `limit` flows of a stream, in bounded memory.
 *
 * Hubble Relay forwards `number: N` to every node and merges the answers, so
 * a relay in front of several agents streams up to nodes × N flows, oldest
 * first. `hubble observe --last N` prints them all; taking the first N would
 * return the oldest of them, so we keep the newest N instead.
 */
export class NewestFlows {
  private buffer: { flow: WireFlow; ms: number; seq: number }[] = [];
  private seq = 0;

  constructor(private readonly limit: number) {}

  /** Flows offered so far, kept or not. */
  get received(): number {
    return this.seq;
  }

  add(flow: WireFlow): void {
    this.buffer.push({
      flow,
      ms: timestampMillis(flow.time) ?? 0,
      seq: this.seq++,
    });
    if (this.buffer.length >= this.limit * 2) this.trim();
  }

  /** The newest `limit` flows, oldest first (ties keep arrival order). */
  result(): WireFlow[] {
    this.trim();
    return this.buffer.map(entry => entry.flow);
  }

  private trim(): void {
    this.buffer.sort((a, b) => a.ms - b.ms || a.seq - b.seq);
    if (this.buffer.length > this.limit)
      this.buffer = this.buffer.slice(-this.limit);
  }
}
