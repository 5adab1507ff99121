import type {
  ReadinessEdge,
  ReadinessPeer,
} from '@internal/plugin-cilium-common';

/** `tenant-jobs/worker`, `world (downloads.example.org)`, `203.0.113.10/32`, or the labels. */
export function peerText(p: ReadinessPeer): string {
  if (p.workload)
    return p.namespace ? `${p.namespace}/${p.workload}` : p.workload;
  if (p.fqdn) return p.entity ? `${p.entity} (${p.fqdn})` : p.fqdn;
  if (p.entity) return p.cidr ? `${p.entity} (${p.cidr})` : p.entity;
  if (p.cidr) return p.cidr;
  return p.labels.join(', ') || 'unknown';
}

/** `tenant-jobs/scheduler → tenant-jobs/worker:8080/TCP`. */
export function edgeText(e: ReadinessEdge): string {
  const port = e.port ? `:${e.port}` : '';
  return `${peerText(e.source)} → ${peerText(e.destination)}${port}/${
    e.protocol
  }`;
}
