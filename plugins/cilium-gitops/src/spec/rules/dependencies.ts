/**
 * Which switched-on part needs which other part, from the one add-on
 * dependency table in cilium-common. Every error names the field that is
 * missing or off, and says who needs it and why.
 */
import { unmetNeeds } from '@internal/plugin-cilium-common';
import type { ClusterSpec, SpecIssue } from '../types';

export function dependencyIssues(spec: ClusterSpec): SpecIssue[] {
  return unmetNeeds(spec.spec).map(need => {
    const who = `spec.${need.whoLabel ?? need.who}`;
    const what = `spec.${need.what}`;
    // A needed switch is off; a needed settings section is missing.
    const message = need.what.startsWith('addons.')
      ? `is off, but ${who} needs it (${need.why}); turn it on or turn ${who} off`
      : `is required because ${who} needs it (${need.why})`;
    return { path: what, message };
  });
}
