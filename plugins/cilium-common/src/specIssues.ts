/**
 * Cluster spec problems, the one type and the one way to print them: the
 * CLI, the fleet render, the mesh preflight and the scaffolder actions all
 * show `invalid cluster spec (N problems):` and one `  <path>: <rule>` line
 * per problem, in the order the validator found them.
 */

/** One problem in a spec, as shown to the user: `<path>: <message>`. */
export interface SpecIssue {
  /** Dotted field path, e.g. `spec.network.podCIDR` or `spec.bgp.peers[0].asn`. */
  path: string;
  /** The rule that failed, e.g. `10.0.0.0/33 is not a valid IPv4 CIDR`. */
  message: string;
}

/**
 * `invalid cluster spec[ in <where>] (2 problems):` and one
 * `  <path>: <message>` line each.
 */
export function formatSpecIssues(issues: SpecIssue[], where?: string): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return [
    `invalid cluster spec${where ? ` in ${where}` : ''} (${count}):`,
    ...issues.map(issue => `  ${issue.path || '(document)'}: ${issue.message}`),
  ].join('\n');
}
