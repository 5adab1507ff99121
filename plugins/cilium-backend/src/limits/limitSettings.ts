import { Config } from '@backstage/config';
import { ConcurrencyLimits } from './ConcurrencyLimiter';

/** `cilium.limits`: how much the status API does at once and per caller. */
export interface LimitSettings {
  relayStreams: ConcurrencyLimits;
  /** Flows requests per user and minute (0: no limit). */
  flowsRequestsPerMinute: number;
  /** Bytes of responses kept in this process's cache. */
  localCacheMaxBytes: number;
  /** Deadline of each catalog and cache (Redis) call. */
  dependencyTimeoutMs: number;
}

export const LIMIT_DEFAULTS = {
  relayStreamsPerCluster: 4,
  relayStreamsTotal: 16,
  relayQueueTimeoutMs: 2000,
  relayQueueLength: 64,
  flowsRequestsPerMinute: 120,
  localCacheMaxMegabytes: 64,
  dependencyTimeoutMs: 2000,
};

function positive(
  config: Config | undefined,
  key: keyof typeof LIMIT_DEFAULTS,
  min = 1,
) {
  const value = config?.getOptionalNumber(key) ?? LIMIT_DEFAULTS[key];
  if (!Number.isFinite(value) || value < min) {
    throw new Error(
      `Invalid cilium.limits.${key} ${value}: expected a number of at least ${min}`,
    );
  }
  return value;
}

export function readLimitSettings(config: Config): LimitSettings {
  const c = config.getOptionalConfig('cilium.limits');
  return {
    relayStreams: {
      perKey: positive(c, 'relayStreamsPerCluster'),
      total: positive(c, 'relayStreamsTotal'),
      queueTimeoutMs: positive(c, 'relayQueueTimeoutMs', 0),
      queueLength: positive(c, 'relayQueueLength', 0),
    },
    flowsRequestsPerMinute: positive(c, 'flowsRequestsPerMinute', 0),
    localCacheMaxBytes: positive(c, 'localCacheMaxMegabytes', 0) * 1024 * 1024,
    dependencyTimeoutMs: positive(c, 'dependencyTimeoutMs'),
  };
}
