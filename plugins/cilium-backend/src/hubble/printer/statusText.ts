import type { WireServerStatusResponse } from '../wire';
import { fixed2, groupThousands } from './goFormat';

export interface HealthcheckResult {
  /** `Ok`, `Unavailable: NOT_SERVING`, or `Unknown` when the health service is absent. */
  status: string;
  healthy: boolean;
}

/** Flows per second: flows_rate when the server reports it, else seen / uptime; undefined when neither is known. */
export function flowsPerSecond(
  status: WireServerStatusResponse,
): number | undefined {
  if (status.flows_rate > 0) return status.flows_rate;
  const uptimeSeconds = Number(status.uptime_ns) / 1e9;
  if (uptimeSeconds > 0) return Number(status.seen_flows) / uptimeSeconds;
  return undefined;
}

/**
 * The lines `hubble status` prints in its default compact output
 * (cilium/hubble cmd/status + printer.WriteServerStatusResponse, v1.19.4).
 * When the health check is not SERVING the CLI stops after the first line.
 */
export function hubbleStatusText(
  target: string,
  health: HealthcheckResult,
  status: WireServerStatusResponse | undefined,
): string {
  const lines = [`Healthcheck (via ${target}): ${health.status}`];
  if (!health.healthy || !status) return lines.join('\n');

  const numFlows = Number(status.num_flows);
  const maxFlows = Number(status.max_flows);
  const ratio =
    maxFlows > 0 ? ` (${fixed2((numFlows / maxFlows) * 100)}%)` : '';
  lines.push(
    `Current/Max Flows: ${groupThousands(status.num_flows)}/${groupThousands(
      status.max_flows,
    )}${ratio}`,
  );
  const rate = flowsPerSecond(status);
  lines.push(`Flows/s: ${rate === undefined ? 'N/A' : fixed2(rate)}`);

  const connected = status.num_connected_nodes;
  const unavailable = status.num_unavailable_nodes;
  if (connected) {
    const total = unavailable ? `/${unavailable.value + connected.value}` : '';
    lines.push(`Connected Nodes: ${connected.value}${total}`);
  }
  if (unavailable && unavailable.value > 0) {
    const names = [...(status.unavailable_nodes ?? [])].sort();
    if (names.length > 0) {
      if (unavailable.value > names.length)
        names.push(`and ${unavailable.value - names.length} more...`);
      lines.push(
        `Unavailable Nodes: ${unavailable.value}`,
        ...names.map(n => `  - ${n}`),
      );
    } else {
      lines.push(`Unavailable Nodes: ${unavailable.value}`);
    }
  }
  return lines.join('\n');
}
