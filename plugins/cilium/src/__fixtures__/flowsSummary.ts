import { FlowGraphBuilder, FlowsSummary } from '@internal/plugin-cilium-common';
import { flowsResponse } from './flows';

/** The summary the backend makes of the fixture flows. */
export function summaryOf(
  flows = flowsResponse.flows,
  extra: Partial<FlowsSummary> = {},
): FlowsSummary {
  const builder = new FlowGraphBuilder('prod-eu-1');
  for (const f of flows) builder.add(f);
  return {
    cluster: 'prod-eu-1',
    query: { last: 10000 },
    truncated: false,
    lostEvents: { inStream: 0, bySource: {} },
    ...builder.result(),
    ...extra,
  };
}

export const flowsSummary: FlowsSummary = summaryOf(undefined, {
  hubbleUiUrl: 'https://hubble.prod-eu-1.example.com',
});
