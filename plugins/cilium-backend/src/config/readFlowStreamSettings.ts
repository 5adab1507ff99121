import type { Config } from '@backstage/config';

export const DEFAULT_FLOW_STREAM_MAX_SECONDS = 300;
export const DEFAULT_FLOW_STREAM_MAX_FLOWS_PER_SECOND = 50;

export interface FlowStreamHubOptions {
  /** A shared relay stream ends after this long, even with subscribers. */
  maxDurationMs: number;
  /** Flows per second sent to subscribers at most (sampling above). */
  maxFlowsPerSecond: number;
  /** Rate window; default 1000 ms. */
  windowMs?: number;
}

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`Invalid ${key} ${value}: expected a positive number`);
  }
  return value;
}

/**
 * `cilium.flowStream`: how long a live relay stream lasts at most
 * (`maxDurationSeconds`, default 300) and how many flows per second it
 * sends at most (`maxFlowsPerSecond`, default 50; sampled above).
 */
export function readFlowStreamSettings(config: Config): FlowStreamHubOptions {
  return {
    maxDurationMs:
      positive(
        config,
        'cilium.flowStream.maxDurationSeconds',
        DEFAULT_FLOW_STREAM_MAX_SECONDS,
      ) * 1000,
    maxFlowsPerSecond: positive(
      config,
      'cilium.flowStream.maxFlowsPerSecond',
      DEFAULT_FLOW_STREAM_MAX_FLOWS_PER_SECOND,
    ),
  };
}
