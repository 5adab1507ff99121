import { useState } from 'react';
import {
  METRICS_RANGE_DEFAULT,
  MetricsRange,
} from '@internal/plugin-cilium-common';
import { useCiliumQuery } from './useApiQuery';

/** The cluster's Prometheus metrics over a selectable range. */
export function useClusterMetrics(cluster: string) {
  const [range, setRange] = useState<MetricsRange>(METRICS_RANGE_DEFAULT);
  const state = useCiliumQuery(['metrics', cluster, range], api =>
    api.getMetrics(cluster, { range }),
  );
  return { ...state, range, setRange };
}
