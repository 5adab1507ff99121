import { Flex, Text } from '@backstage/ui';
import type { PolicyVerdictCount } from '@internal/plugin-cilium-common';

const cell = { padding: 'var(--bui-space-1) var(--bui-space-2)' };
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
    <Flex direction="column" gap="1" data-testid="readiness-policy-verdicts">
      <Text as="h3" variant="body-medium" weight="bold">
        {TITLE}
      </Text>
      {rows.length === 0 ? (
        <Text variant="body-small" color="secondary">
          No policy applies in this namespace yet.
        </Text>
      ) : (
        <table
          aria-label={TITLE}
          style={{ borderCollapse: 'collapse', width: '100%' }}
        >
          <thead>
            <tr>
              {['Policy', 'Kind', 'Allowed', 'Denied', 'Last seen (UTC)'].map(
                h => (
                  <th
                    key={h}
                    scope="col"
                    style={{ ...cell, textAlign: 'left' }}
                  >
                    <Text variant="body-small" weight="bold">
                      {h}
                    </Text>
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map(r => (
              <tr
                key={`${r.policy.kind}/${policyName(r.policy)}`}
                data-testid="readiness-policy-verdict"
                style={{ borderTop: '1px solid var(--bui-border-1)' }}
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
          </tbody>
        </table>
      )}
    </Flex>
  );
};
