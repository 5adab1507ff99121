import { FlowRecord, ObservedSplit } from '@internal/plugin-cilium-common';

/** The recent window of the observed split, and the least flows worth a percentage. */
export const OBSERVED_WINDOW_SECONDS = 300;
export const MIN_OBSERVED_FLOWS = 20;

/** Whether a flow goes to `backend` (a Service, or its Deployment of the same name). */
function goesTo(flow: FlowRecord, namespace: string, backend: string): boolean {
  const [ns, name] = backend.includes('/')
    ? backend.split('/', 2)
    : [namespace, backend];
  const d = flow.destination;
  if (d.service) {
    return d.service.name === name && (d.service.namespace ?? ns) === ns;
  }
  return d.namespace === ns && d.workloads.some(w => w.name === name);
}

/**
 * How Hubble saw the route's traffic split across its backends: the
 * flows towards each backend (replies left out) within the window the
 * flows were asked for. Below `minFlows` the sample says little, and the
 * split is marked as not enough flows rather than shown as a percentage.
 */
export function observedSplit(
  flows: FlowRecord[],
  namespace: string,
  backends: string[],
  minFlows: number = MIN_OBSERVED_FLOWS,
): ObservedSplit {
  const counts = backends.map(name => ({ name, flows: 0, percent: 0 }));
  let total = 0;
  for (const f of flows) {
    if (f.isReply === true) continue;
    const hit = counts.find(c => goesTo(f, namespace, c.name));
    if (hit) {
      hit.flows++;
      total++;
    }
  }
  for (const c of counts) {
    c.percent = total > 0 ? Math.round((c.flows / total) * 1000) / 10 : 0;
  }
  return { flows: total, enough: total >= minFlows, backends: counts };
}
