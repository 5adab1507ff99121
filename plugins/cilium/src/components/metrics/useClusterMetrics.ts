import { useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  METRICS_RANGE_DEFAULT,
  MetricsRange,
} from '@internal/plugin-cilium-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ciliumApiRef } from '../../api/CiliumApi';

/** The cluster's Prometheus metrics over a selectable range. */
export function useClusterMetrics(cluster: string) {
  const api = useApi(ciliumApiRef);
  const [range, setRange] = useState<MetricsRange>(METRICS_RANGE_DEFAULT);
  const state = useAsyncRetry(
    () => api.getMetrics(cluster, { range }),
    [api, cluster, range],
  );
  return { ...state, range, setRange };
}
