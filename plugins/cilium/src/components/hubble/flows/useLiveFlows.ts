import { useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  FlowGraphBuilder,
  FlowRecord,
  FlowsSummary,
  FlowStreamEnd,
  FlowStreamQuery,
  FlowStreamSampling,
} from '@internal/plugin-cilium-common';
import { ciliumApiRef } from '../../../api/CiliumApi';

/** Live flows kept in the page at most (newest first). */
export const LIVE_FLOWS_KEPT = 1000;
/** Live flows are handed to React in batches this often. */
export const LIVE_BATCH_MS = 500;

export interface LiveState {
  /** Newest first. */
  flows: FlowRecord[];
  sampling?: FlowStreamSampling;
  ended?: FlowStreamEnd;
  error?: Error;
}

/**
 * While `on`, reads the cluster's live stream with the given filters and
 * collects its flows (in batches, so a busy stream does not re-render the
 * page per flow). Turning it off, or new filters, closes the stream.
 */
export function useLiveFlows(
  cluster: string,
  query: FlowStreamQuery,
  on: boolean,
): LiveState {
  const api = useApi(ciliumApiRef);
  const [state, setState] = useState<LiveState>({ flows: [] });
  const pending = useRef<FlowRecord[]>([]);
  const key = JSON.stringify(query);

  useEffect(() => {
    setState({ flows: [] });
    pending.current = [];
    if (!on) return undefined;
    const flush = setInterval(() => {
      if (pending.current.length === 0) return;
      const batch = pending.current.reverse();
      pending.current = [];
      setState(s => ({
        ...s,
        flows: [...batch, ...s.flows].slice(0, LIVE_FLOWS_KEPT),
      }));
    }, LIVE_BATCH_MS);
    const stop = api.streamFlows(cluster, JSON.parse(key), {
      flow: f => pending.current.push(f),
      sampling: sampling => setState(s => ({ ...s, sampling })),
      end: ended => setState(s => ({ ...s, ended })),
      onError: error => setState(s => ({ ...s, error })),
    });
    return () => {
      clearInterval(flush);
      stop();
    };
  }, [api, cluster, key, on]);
  return state;
}

/** The summary with the live flows added to its counts (and new nodes/edges). */
export function useSummaryWithLive(
  summary: FlowsSummary | undefined,
  live: FlowRecord[],
): FlowsSummary | undefined {
  return useMemo(() => {
    if (!summary || live.length === 0) return summary;
    const builder = new FlowGraphBuilder(summary.cluster, summary);
    for (let i = live.length - 1; i >= 0; i--) builder.add(live[i]);
    return { ...summary, ...builder.result() };
  }, [summary, live]);
}
