import { memo } from 'react';
import { Text } from '@backstage/ui';
import { Verdict } from '@internal/plugin-cilium-common';
import { VERDICT_COLORS } from './verdicts';

const BAR_MAX = 160;

/** Horizontal bars of flow counts per verdict (SVG). */
export const VerdictChart = memo(
  (props: { counts: Partial<Record<Verdict, number>> }) => {
    const entries = (Object.entries(props.counts) as [Verdict, number][])
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
    if (entries.length === 0) {
      return (
        <Text variant="body-small" color="secondary">
          No flows to chart.
        </Text>
      );
    }
    const max = Math.max(...entries.map(([, n]) => n));
    const rowH = 20;
    const summary = entries.map(([v, n]) => `${v} ${n}`).join(', ');
    return (
      <figure style={{ margin: 0 }} data-testid="verdict-chart">
        <svg
          role="img"
          aria-label={`Flows by verdict: ${summary}`}
          width={BAR_MAX + 170}
          height={entries.length * rowH}
        >
          {entries.map(([verdict, n], i) => (
            <g
              key={verdict}
              transform={`translate(0, ${i * rowH})`}
              data-testid={`verdict-bar-${verdict}`}
            >
              <text x={0} y={14} fontSize={12} fill="currentColor">
                {verdict}
              </text>
              <rect
                x={110}
                y={3}
                height={14}
                width={Math.max(2, (n / max) * BAR_MAX)}
                fill={VERDICT_COLORS[verdict]}
              />
              <text
                x={114 + Math.max(2, (n / max) * BAR_MAX)}
                y={14}
                fontSize={12}
                fill="currentColor"
              >
                {n}
              </text>
            </g>
          ))}
        </svg>
      </figure>
    );
  },
);
VerdictChart.displayName = 'VerdictChart';
