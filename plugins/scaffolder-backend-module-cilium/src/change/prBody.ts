/** Title and Markdown body of a change's pull request (or commit message). */
import type { ChangePlan, ClusterChange } from '@internal/cilium-gitops';

function describeWeights(weights: Record<string, number>): string {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  return (
    Object.entries(weights)
      .map(([name, w]) => {
        const percent = total ? Math.round((w / total) * 1000) / 10 : 0;
        return `${name} ${w} (${percent}%)`;
      })
      .join(', ') || 'none'
  );
}

export function changeTitle(cluster: string, change: ClusterChange): string {
  switch (change.kind) {
    case 'split':
      return `${cluster}: traffic split of ${change.route} → ${Object.entries(
        change.backends,
      )
        .map(([b, w]) => `${b}:${w}`)
        .join(', ')}`;
    case 'addon':
      return `${cluster}: ${change.enabled ? 'enable' : 'disable'} ${
        change.name
      }`;
    case 'ciliumVersion':
      return `${cluster}: Cilium ${change.version}`;
    case 'meshPeer':
      return `${cluster}: ${change.action} mesh peer ${change.peer}`;
    case 'lbPool':
      return `${cluster}: add LB pool ${change.name} (${change.cidr})`;
    case 'bgpPeer':
      return `${cluster}: add BGP peer ${change.name} (${change.address}, AS ${change.asn})`;
    case 'policies':
      return `${cluster}: CiliumNetworkPolicies of ${change.namespace} (${
        change.policies.length
      } ${change.policies.length === 1 ? 'policy' : 'policies'})`;
    default:
      return `${cluster}: change`;
  }
}

export function changeBody(plan: ChangePlan): string {
  const lines = [
    plan.policies
      ? 'Proposed through the Backstage action cilium:cluster:change (network policies; `cluster.yaml` is unchanged).'
      : "Rendered by the Backstage template cilium-cluster-change from the repository's `cluster.yaml`.",
    '',
    `**${plan.summary}**`,
    '',
    ...plan.files.map(f => `- \`${f.path}\` (${f.status})`),
  ];
  if (plan.split) {
    lines.push(
      '',
      `Traffic split of HTTPRoute \`${plan.split.route}\`:`,
      '',
      `- before: ${describeWeights(plan.split.before)}`,
      `- after: ${describeWeights(plan.split.after)}`,
    );
  }
  if (plan.policies) lines.push('', ...policyLines(plan));
  return `${lines.join('\n')}\n`;
}

function names(list: string[]): string {
  return list.map(n => `\`${n}\``).join(', ') || 'none';
}

/** The policy set's rule, what it changes, and the caller's sections verbatim. */
function policyLines(plan: ChangePlan): string[] {
  const p = plan.policies!;
  const lines = [
    `CiliumNetworkPolicies of namespace \`${p.namespace}\` in \`${p.dir}/\`. That folder holds exactly this proposal: a policy of the same name is replaced, a policy not in the proposal is removed.`,
    '',
    `- added: ${names(p.added)}`,
    `- replaced: ${names(p.replaced)}`,
    `- removed: ${names(p.removed)}`,
    `- unchanged: ${names(p.unchanged)}`,
    `- Argo CD Application \`${p.application.name}\` (\`${
      p.application.path
    }\`): ${
      p.application.created
        ? 'created by this change; the root Application syncs it'
        : 'exists, left as it is'
    }`,
  ];
  for (const section of plan.sections ?? [])
    lines.push('', `## ${section.title}`, '', section.markdown.trimEnd());
  return lines;
}
