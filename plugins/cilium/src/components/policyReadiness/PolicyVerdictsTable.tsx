import { Text } from '@backstage/ui';
import type { PolicyVerdictCount } from '@internal/plugin-cilium-common';
import { cell, ReadinessTable, rowStyle } from './ReadinessTable';

const TITLE = 'Policy verdicts in the window';

function policyName(p: PolicyVerdictCount['policy']) {
  return p.namespace ? `${p.namespace}/${p.name}` : p.name;
}

/**
 * Allow and deny verdicts per policy that applies in the namespace, counted
 * from the policy names the window's flows carry: a just-synced policy shows
 * 0 until traffic reaches it.
 */
export const PolicyVerdictsTable = (props: { rows: PolicyVerdictCount[] }) => {
  const { rows } = props;
  return (
    <ReadinessTable
      testId="readiness-policy-verdicts"
      title={TITLE}
      columns={['Policy', 'Kind', 'Allowed', 'Denied', 'Last seen (UTC)']}
      rowCount={rows.length}
      emptyText="No policy applies in this namespace yet."
    >
      {rows.map(r => (
        <tr
          key={`${r.policy.kind}/${policyName(r.policy)}`}
          data-testid="readiness-policy-verdict"
          style={rowStyle}
        >
          <td style={cell}>
            <Text variant="body-small">{policyName(r.policy)}</Text>
          </td>
          <td style={cell}>
            <Text variant="body-small">{r.policy.kind ?? '—'}</Text>
          </td>
          <td style={cell}>
            <Text variant="body-small">{r.allowed}</Text>
          </td>
          <td style={cell}>
            <Text variant="body-small">{r.denied}</Text>
          </td>
          <td style={cell}>
            <Text
              variant="body-small"
              color={r.lastSeen ? undefined : 'secondary'}
            >
              {r.lastSeen ? r.lastSeen.slice(11, 19) : 'no verdict yet'}
            </Text>
          </td>
        </tr>
      ))}
    </ReadinessTable>
  );
};
