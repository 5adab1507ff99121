import { Text } from '@backstage/ui';
import { Condition } from '@internal/plugin-cilium-common';

const COLOR = { True: 'success', False: 'danger', Unknown: 'warning' } as const;
const MARK = { True: '✓', False: '✗', Unknown: '?' } as const;

/** `Accepted ✓ (Accepted: Gateway successfully scheduled)`; missing → "not reported". */
export const ConditionBadge = (props: {
  type: string;
  conditions: Condition[];
}) => {
  const c = props.conditions.find(x => x.type === props.type);
  if (!c) {
    return (
      <Text
        variant="body-small"
        color="secondary"
        data-testid={`condition-${props.type}`}
      >
        {props.type}: not reported
      </Text>
    );
  }
  const detail = [c.reason, c.message].filter(Boolean).join(': ');
  return (
    <Text
      variant="body-small"
      color={COLOR[c.status]}
      data-testid={`condition-${props.type}`}
      data-status={c.status}
    >
      <span aria-label={`${c.type} ${c.status}`}>
        {MARK[c.status]} {c.type}
      </span>
      {detail ? ` (${detail})` : ''}
    </Text>
  );
};
