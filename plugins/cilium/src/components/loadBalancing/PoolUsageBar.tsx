import { Flex, Text } from '@backstage/ui';
import { line, surface, tone } from '../../theme/colors';
import { PoolUsage } from './networkText';

const FILL = {
  ok: tone.positive,
  high: tone.warning,
  full: tone.negative,
};

/** Share of a pool's IPs in use as a small bar (`role="meter"`) beside the text. */
export const PoolUsageBar = (props: { pool: string; usage: PoolUsage }) => {
  const { usage } = props;
  if (usage.total === undefined || usage.used === undefined) {
    return (
      <Text variant="body-small" color="secondary" data-testid="lb-pool-usage">
        {usage.text}
      </Text>
    );
  }
  const ratio = usage.ratio ?? 0;
  let fill: string = FILL.ok;
  if (usage.exhausted) fill = FILL.full;
  else if (ratio >= 0.8) fill = FILL.high;
  return (
    <Flex gap="2" align="center">
      <div
        role="meter"
        aria-label={`IPs used in ${props.pool}`}
        aria-valuemin={0}
        aria-valuemax={usage.total}
        aria-valuenow={usage.used}
        aria-valuetext={usage.text}
        style={{
          width: 120,
          height: 8,
          borderRadius: 'var(--bui-radius-1)',
          overflow: 'hidden',
          // A visible track on any card background, light or dark.
          background: surface.raised,
          border: `1px solid ${line.strong}`,
          flexShrink: 0,
        }}
      >
        <div
          style={{ width: `${ratio * 100}%`, height: '100%', background: fill }}
        />
      </div>
      <Text variant="body-small" data-testid="lb-pool-usage">
        {usage.text}
      </Text>
    </Flex>
  );
};
