import { HubbleSource, HubbleSourceFactory } from '../hubble/HubbleSource';
import { ConcurrencyLimiter } from './ConcurrencyLimiter';

/**
 * Hubble clients whose bounded `GetFlows` reads (flows and the service-map
 * summary) share one ConcurrencyLimiter:
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
      getGraphFlows: (query, opts) =>
        limiter.run(cluster.name, opts?.signal, () =>
          source.getGraphFlows(query, opts),
        ),
      // Live streams hold a slot of the same limiter for their whole life;
      // the FlowStreamHub takes it before it calls follow (one per filter).
      follow: (query, handlers) => source.follow(query, handlers),
      close: () => source.close(),
    };
  };
}
