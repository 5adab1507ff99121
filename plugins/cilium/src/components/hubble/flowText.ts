import { FlowRecord, PolicyRef } from '@internal/plugin-cilium-common';

/*
 * What `hubble observe` prints (time, endpoints, identities, type) comes
 * with each flow from the backend's printer (FlowRecord.columns); only the
 * policy list, which the CLI prints for policy verdicts alone, is shown
 * from the structured fields.
 */

const policyText = (p: PolicyRef) =>
  `${p.namespace ? `${p.namespace}/` : ''}${p.name}${
    p.kind ? ` (${p.kind})` : ''
  }`;

/** `allowed by ns/name (Kind)` / `denied by …`, empty when the flow names no policy. */
export function policyNamesText(f: FlowRecord): string {
  const parts: string[] = [];
  if (f.allowedBy.length)
    parts.push(`allowed by ${f.allowedBy.map(policyText).join(', ')}`);
  if (f.deniedBy.length)
    parts.push(`denied by ${f.deniedBy.map(policyText).join(', ')}`);
  return parts.join('; ');
}
