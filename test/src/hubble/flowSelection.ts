import { type DecodedFlowFilter, flowSelected } from './filters';
import type { FlowFixture } from './types';

type WireTimestamp = { seconds: string | number; nanos: number };

/** The parts of a decoded GetFlowsRequest that pick flows. */
export interface FlowSelection {
  number: string;
  first: boolean;
  whitelist: DecodedFlowFilter[];
  blacklist: DecodedFlowFilter[];
  since: WireTimestamp | null;
  until: WireTimestamp | null;
}

/**
 * `number` as a relay applies it: every node answers with its own first/last
 * N, and the relay merges the answers by time, so up to nodes × N flows come back.
 */
function limitPerNode(
  flows: FlowFixture[],
  n: number,
  first: boolean,
): FlowFixture[] {
  if (!(n > 0)) return flows;
  const byNode = new Map<string, FlowFixture[]>();
  for (const flow of flows) {
    const list = byNode.get(flow.node_name);
    if (list) list.push(flow);
    else byNode.set(flow.node_name, [flow]);
  }
  const kept = new Set(
    [...byNode.values()].flatMap(list =>
      first ? list.slice(0, n) : list.slice(-n),
    ),
  );
  return flows.filter(flow => kept.has(flow));
}

const toMillis = (ts: WireTimestamp) =>
  Number(ts.seconds) * 1000 + ts.nanos / 1e6;

/** The flows a relay answers a GetFlowsRequest with, oldest first. */
export function selectFlows(
  flows: FlowFixture[],
  req: FlowSelection,
): FlowFixture[] {
  const since = req.since ? toMillis(req.since) : -Infinity;
  const until = req.until ? toMillis(req.until) : Infinity;
  const selected = [...flows]
    .sort((a, b) => toMillis(a.time) - toMillis(b.time))
    .filter(f => toMillis(f.time) >= since && toMillis(f.time) <= until)
    .filter(f => flowSelected(f, req.whitelist, req.blacklist));
  return limitPerNode(selected, Number(req.number), req.first);
}
