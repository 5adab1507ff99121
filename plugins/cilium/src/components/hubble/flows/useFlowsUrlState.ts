import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Verdict, VERDICTS } from '@internal/plugin-cilium-common';
import type { MapSelection } from '../serviceMap/selection';
import { isValidNamespace } from '../namespaceName';

export type FlowsView = 'aggregated' | 'raw';

export interface FlowsUrlState {
  namespace: string;
  verdict?: Verdict;
  policyVerdictsOnly: boolean;
  view: FlowsView;
  selection?: MapSelection;
}

/** Query parameters of the flows explorer (prefixed: the tab shares the URL). */
export const FLOWS_PARAMS = {
  namespace: 'flowsNamespace',
  verdict: 'flowsVerdict',
  policyVerdictsOnly: 'flowsPolicyVerdicts',
  view: 'flowsView',
  from: 'flowsFrom',
  to: 'flowsTo',
  node: 'flowsNode',
} as const;

/** Reads the explorer's state from URL parameters; invalid values are ignored. */
export function readFlowsUrlState(params: URLSearchParams): FlowsUrlState {
  const ns = params.get(FLOWS_PARAMS.namespace) ?? '';
  const verdict = params.get(FLOWS_PARAMS.verdict) as Verdict | null;
  const from = params.get(FLOWS_PARAMS.from);
  const to = params.get(FLOWS_PARAMS.to);
  const node = params.get(FLOWS_PARAMS.node);
  const state: FlowsUrlState = {
    namespace: isValidNamespace(ns) ? ns.trim() : '',
    policyVerdictsOnly: params.get(FLOWS_PARAMS.policyVerdictsOnly) === 'true',
    view: params.get(FLOWS_PARAMS.view) === 'raw' ? 'raw' : 'aggregated',
  };
  if (verdict && VERDICTS.includes(verdict)) state.verdict = verdict;
  if (from && to) state.selection = { type: 'edge', from, to };
  else if (node) state.selection = { type: 'node', node };
  return state;
}

/** Writes the state into `params` (defaults left out, so links stay short). */
export function writeFlowsUrlState(
  params: URLSearchParams,
  state: FlowsUrlState,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.values(FLOWS_PARAMS)) next.delete(key);
  if (state.namespace) next.set(FLOWS_PARAMS.namespace, state.namespace);
  if (state.verdict) next.set(FLOWS_PARAMS.verdict, state.verdict);
  if (state.policyVerdictsOnly)
    next.set(FLOWS_PARAMS.policyVerdictsOnly, 'true');
  if (state.view === 'raw') next.set(FLOWS_PARAMS.view, 'raw');
  const sel = state.selection;
  if (sel?.type === 'edge') {
    next.set(FLOWS_PARAMS.from, sel.from);
    next.set(FLOWS_PARAMS.to, sel.to);
  } else if (sel?.type === 'node') next.set(FLOWS_PARAMS.node, sel.node);
  return next;
}

/** The explorer's filters, kept in the URL so a view can be shared as a link. */
export function useFlowsUrlState() {
  const [params, setParams] = useSearchParams();
  const state = readFlowsUrlState(params);
  const update = useCallback(
    (change: Partial<FlowsUrlState>) =>
      setParams(
        prev =>
          writeFlowsUrlState(prev, { ...readFlowsUrlState(prev), ...change }),
        { replace: true },
      ),
    [setParams],
  );
  return { state, update };
}
