import type { FlowStreamSampling } from '@internal/plugin-cilium-common';

/**
 * Server-side rate limit of a live stream: at most `limitPerSecond` flows
 * per window go out. Above the limit it samples evenly (every k-th flow,
 * k from the previous window's rate) instead of sending the first N, so a
 * burst does not hide the rest of the second. `endWindow()` says what
 * happened when flows were held back.
 */
export class FlowSampler {
  private received = 0;
  private sent = 0;
  private stride = 1;

  constructor(readonly limitPerSecond: number, readonly windowMs = 1000) {}

  private get limit(): number {
    return Math.max(
      1,
      Math.round((this.limitPerSecond * this.windowMs) / 1000),
    );
  }

  /** Whether to send this flow. */
  offer(): boolean {
    const index = this.received++;
    if (this.sent >= this.limit) return false;
    if (index % this.stride !== 0) return false;
    this.sent++;
    return true;
  }

  /** Closes the window; the sampling notice when flows were held back in it. */
  endWindow(): FlowStreamSampling | undefined {
    const { received, sent } = this;
    this.stride = Math.max(1, Math.ceil(received / this.limit));
    this.received = 0;
    this.sent = 0;
    if (received <= sent) return undefined;
    return {
      limitPerSecond: this.limitPerSecond,
      received,
      sent,
      windowMs: this.windowMs,
    };
  }
}
