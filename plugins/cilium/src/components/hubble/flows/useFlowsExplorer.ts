import { useEffect, useMemo, useState } from 'react';
import {
  edgeEnds,
  FLOWS_LAST_MAX,
  FlowStreamQuery,
} from '@internal/plugin-cilium-common';
import { useCiliumQuery } from '../../../hooks/useApiQuery';
import { selectionMatches } from '../serviceMap/selection';
import { useLiveFlows, useSummaryWithLive } from './useLiveFlows';
import { useFlowsUrlState } from './useFlowsUrlState';

/**
 * Everything the flows explorer shows: the summary (map + connections) and,
 * in the raw view, the newest flows; both under the URL's filters, with the
 * live stream's flows on top while Live is on, cut to the map selection.
 */
export function useFlowsExplorer(cluster: string) {
  const { state: url, update } = useFlowsUrlState();
  const [live, setLive] = useState(false);
  const [page, setPage] = useState(0);

  const namespace = url.namespace || undefined;
  const summaryState = useCiliumQuery(
    ['flows-summary', cluster, namespace],
    api => api.getFlowsSummary(cluster, { namespace }),
  );
  const rawState = useCiliumQuery(
    url.view === 'raw'
      ? ['flows', cluster, namespace, url.verdict, url.policyVerdictsOnly]
      : null,
    api =>
      api.getFlows(cluster, {
        namespace,
        verdict: url.verdict,
        policyVerdictsOnly: url.policyVerdictsOnly || undefined,
        last: FLOWS_LAST_MAX,
      }),
  );

  const streamQuery: FlowStreamQuery = useMemo(() => {
    const q: FlowStreamQuery = {};
    if (url.namespace) q.namespace = url.namespace;
    if (url.verdict) q.verdict = url.verdict;
    if (url.policyVerdictsOnly) q.policyVerdictsOnly = true;
    return q;
  }, [url.namespace, url.verdict, url.policyVerdictsOnly]);
  const liveState = useLiveFlows(cluster, streamQuery, live);
  const summary = useSummaryWithLive(summaryState.value, liveState.flows);

  const { selection, verdict } = url;
  const edges = useMemo(() => {
    if (!summary) return [];
    const byId = new Map(summary.nodes.map(n => [n.id, n]));
    return summary.edges
      .filter(e => !verdict || (e.verdicts[verdict] ?? 0) > 0)
      .filter(e =>
        selectionMatches(
          selection,
          byId.get(e.source)!,
          byId.get(e.destination)!,
        ),
      )
      .sort(
        (a, b) =>
          (b.verdicts.DROPPED ?? 0) - (a.verdicts.DROPPED ?? 0) ||
          b.flows - a.flows ||
          a.id.localeCompare(b.id),
      );
  }, [summary, selection, verdict]);

  const rawFlows = useMemo(() => {
    const all = [
      ...liveState.flows,
      ...[...(rawState.value?.flows ?? [])].reverse(),
    ];
    if (!selection) return all;
    return all.filter(f => {
      const ends = edgeEnds(f, cluster);
      return selectionMatches(selection, ends.from, ends.to);
    });
  }, [liveState.flows, rawState.value, selection, cluster]);

  // Back to the first page whenever what is listed changes.
  const selectionKey = selection ? JSON.stringify(selection) : undefined;
  useEffect(
    () => setPage(0),
    [
      url.view,
      url.namespace,
      url.verdict,
      url.policyVerdictsOnly,
      selectionKey,
    ],
  );

  return {
    url,
    update,
    live,
    setLive,
    liveState,
    summaryState,
    summary,
    rawState,
    edges,
    rawFlows,
    page,
    setPage,
    refresh: () => {
      summaryState.retry();
      if (url.view === 'raw') rawState.retry();
    },
  };
}
