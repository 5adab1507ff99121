import {
  HubbleSource,
  HubbleSourceFactory,
} from '../service/ClusterConnections';
import { ConcurrencyLimiter } from './ConcurrencyLimiter';

/**
 * Hubble clients whose `GetFlows` streams share one ConcurrencyLimiter:
 * at most K streams per cluster and overall, the rest queued, then refused.
 */
export function limitedHubbleFactory(
  factory: HubbleSourceFactory,
  limiter: ConcurrencyLimiter,
): HubbleSourceFactory {
  return (cluster, timeoutMs) => {
    const source: HubbleSource = factory(cluster, timeoutMs);
    return {
      serverStatus: opts => source.serverStatus(opts),
      getFlows: (query, opts) =>
        limiter.run(cluster.name, opts?.signal, () =>
          source.getFlows(query, opts),
        ),
      close: () => source.close(),
    };
  };
}
