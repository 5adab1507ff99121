import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Text } from '@backstage/ui';
import { MetricSeries } from '@internal/plugin-cilium-common';
import { seriesColor } from './seriesColors';

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
  });

/** `1.23/s`, `0.012/s`. */
export function perSecond(v: number): string {
  return `${v >= 10 ? v.toFixed(0) : v.toPrecision(2)}/s`;
}

/** The newest value of each series, for the chart's text alternative. */
export function latestSummary(series: MetricSeries[]): string {
  return series
    .map(s => {
      const last = s.points[s.points.length - 1];
      return `${s.name} ${last ? perSecond(last[1]) : 'no data'}`;
    })
    .join(', ');
}

/**
 * Lines over time, one per series, in theme colours; rows merged by
 * timestamp. The figure's label says the newest values in words.
 */
export const TimeSeriesChart = (props: {
  title: string;
  series: MetricSeries[];
  testId: string;
  /** Colour verdict names by meaning (FORWARDED green, DROPPED red). */
  verdictColors?: boolean;
}) => {
  const { series, title } = props;
  const rows = useMemo(() => {
    const byTime = new Map<number, Record<string, number>>();
    for (const s of series) {
      for (const [t, v] of s.points) {
        const row = byTime.get(t) ?? { t };
        row[s.name] = v;
        byTime.set(t, row);
      }
    }
    return [...byTime.values()].sort((a, b) => a.t - b.t);
  }, [series]);

  if (series.length === 0 || rows.length === 0) {
    return (
      <Text
        variant="body-small"
        color="secondary"
        data-testid={`${props.testId}-empty`}
      >
        {title}: no series in this range.
      </Text>
    );
  }
  return (
    <figure
      style={{ margin: 0 }}
      data-testid={props.testId}
      aria-label={`${title}: ${latestSummary(series)}`}
    >
      <Text as="p" variant="body-small" weight="bold">
        {title}
      </Text>
      <div style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={rows}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke="var(--bui-border-1)" strokeDasharray="3 3" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={time}
              stroke="var(--bui-fg-secondary)"
              tick={{ fill: 'var(--bui-fg-secondary)', fontSize: 12 }}
            />
            <YAxis
              width={56}
              tickFormatter={(v: number) => perSecond(v)}
              stroke="var(--bui-fg-secondary)"
              tick={{ fill: 'var(--bui-fg-secondary)', fontSize: 12 }}
            />
            <Tooltip
              labelFormatter={(v: unknown) => time(Number(v))}
              formatter={(v: unknown) => perSecond(Number(v))}
              contentStyle={{
                background: 'var(--bui-bg-neutral-1)',
                border: '1px solid var(--bui-border-2)',
                color: 'var(--bui-fg-primary)',
              }}
            />
            <Legend
              wrapperStyle={{ color: 'var(--bui-fg-primary)', fontSize: 12 }}
            />
            {series.map((s, i) => (
              <Line
                key={s.name}
                type="monotone"
                dataKey={s.name}
                stroke={seriesColor(s.name, i, Boolean(props.verdictColors))}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
};
