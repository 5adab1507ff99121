import type {
  PolicyProposal,
  PolicyReadinessResponse,
  ReadinessEdge,
} from '@internal/plugin-cilium-common';
import { edgeText } from './peerText';

/** The policy proposal template (templates/cilium-policy-proposal). */
export const POLICY_TEMPLATE_PATH =
  '/create/templates/default/cilium-policy-proposal';

const cellText = (s: string) => s.replace(/\|/g, '\\|');

/** The would-drop edges as a Markdown table, each kept or dropped as the user chose. */
export function readinessMarkdown(
  doc: PolicyReadinessResponse,
  kept: ReadonlySet<string>,
): string {
  const edges: ReadinessEdge[] = [
    ...doc.wouldDrop.ingress,
    ...doc.wouldDrop.egress,
  ];
  const rows = edges.map(
    e =>
      `| ${e.direction} | ${cellText(edgeText(e))} | ${e.count} | ${
        e.lastSeen
      } | ${kept.has(e.id) ? 'allow' : 'drop'} |`,
  );
  return [
    `${doc.flowsConsidered} flows of ${doc.namespace} on ${doc.cluster} over ${doc.windowSeconds} s; edges a default-deny would newly drop:`,
    '',
    '| direction | edge | flows | last seen | decision |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The replay result in one line of Markdown. */
export function replayMarkdown(p: PolicyProposal): string {
  const r = p.replay;
  return `Replay of ${r.flowsReplayed} flows against current + proposed policies: ${r.keptNewlyDropped.length} newly dropped for ${p.keptEdgeIds.length} kept edge(s); ${r.untickedDropped.length} unticked edge(s) dropped as chosen; ${r.notEvaluated.length} not evaluated.`;
}

/**
 * The policy proposal template pre-filled (the scaffolder reads
 * `?formData=` as JSON, in the template's parameter names): the cluster,
 * the namespace, the proposed policies as JSON text, and the readiness
 * table and replay result for the commit or pull request description.
 */
export function proposePoliciesHref(
  entityRef: string,
  doc: PolicyReadinessResponse,
  proposal: PolicyProposal,
): string {
  const formData = {
    cluster: entityRef,
    namespace: doc.namespace,
    policies: JSON.stringify(proposal.policies),
    readiness: readinessMarkdown(doc, new Set(proposal.keptEdgeIds)),
    replay: replayMarkdown(proposal),
  };
  return `${POLICY_TEMPLATE_PATH}?formData=${encodeURIComponent(
    JSON.stringify(formData),
  )}`;
}
