import { ReactNode } from 'react';
import { Cell, CellText, Flex, Table, Text } from '@backstage/ui';
import {
  BgpSessionMetric,
  ClusterMetrics,
  HttpWorkloadSignals,
  MetricResult,
} from '@internal/plugin-cilium-common';
import { MetricErrorAlert } from './MetricErrorAlert';
import { perSecond, TimeSeriesChart } from './TimeSeriesChart';

/** The value of a query, or its error in place. */
function Result<T>(props: {
  result: MetricResult<T>;
  what: string;
  children: (value: T) => ReactNode;
}) {
  const { result } = props;
  if (result.error) {
    return (
      <MetricErrorAlert
        error={result.error}
        what={props.what}
        promql={result.promql}
      />
    );
  }
  return <>{props.children(result.value as T)}</>;
}

const percent = (v: number | undefined) =>
  v === undefined ? '—' : `${(v * 100).toFixed(v < 0.01 && v > 0 ? 2 : 1)} %`;
const millis = (v: number | undefined) =>
  v === undefined ? '—' : `${(v * 1000).toFixed(v < 0.01 ? 1 : 0)} ms`;

type HttpRow = HttpWorkloadSignals & { id: string };

const HttpTable = ({ rows }: { rows: HttpWorkloadSignals[] }) => (
  <div data-testid="metrics-http" aria-label="HTTP by destination workload">
    <Table<HttpRow>
      pagination={{ type: 'none' }}
      data={rows.map(r => ({ ...r, id: `${r.namespace}/${r.workload}` }))}
      columnConfig={[
        {
          id: 'workload',
          label: 'Destination workload',
          isRowHeader: true,
          cell: r => <CellText title={r.workload} description={r.namespace} />,
        },
        {
          id: 'rate',
          label: 'Requests',
          cell: r => <CellText title={perSecond(r.requestRate)} />,
        },
        {
          id: 'errors',
          label: '5xx ratio',
          cell: r => (
            <Cell>
              <Text
                variant="body-small"
                color={(r.errorRatio ?? 0) > 0.05 ? 'danger' : undefined}
              >
                {percent(r.errorRatio)}
              </Text>
            </Cell>
          ),
        },
        {
          id: 'p95',
          label: 'Latency p95',
          cell: r => <CellText title={millis(r.latencyP95)} />,
        },
      ]}
      emptyState={
        <Text variant="body-small" color="secondary">
          No HTTP requests seen by Hubble's L7 visibility in this range.
        </Text>
      }
    />
  </div>
);

const BgpList = ({ sessions }: { sessions: BgpSessionMetric[] }) =>
  sessions.length === 0 ? (
    <Text variant="body-small" color="secondary">
      No BGP session metrics exported (BGP Control Plane off, or not scraped).
    </Text>
  ) : (
    <ul
      aria-label="BGP sessions (Prometheus)"
      data-testid="metrics-bgp"
      style={{ margin: 0, paddingLeft: 'var(--bui-space-4)' }}
    >
      {sessions.map(s => (
        <li key={`${s.node}/${s.vrouter}/${s.neighbor}`}>
          <Text variant="body-small" color={s.up ? 'success' : 'danger'}>
            {s.up ? '✓ up' : '✗ down'}
          </Text>{' '}
          <Text variant="body-small">
            {s.node || 'agent'} (AS {s.vrouter}) → {s.neighbor} (AS{' '}
            {s.neighborAsn})
          </Text>
        </li>
      ))}
    </ul>
  );

/** The charts and tables of the metrics section (lazy-loaded with recharts). */
const MetricsCharts = ({ metrics }: { metrics: ClusterMetrics }) => (
  <Flex direction="column" gap="4" data-testid="metrics-charts">
    <Result result={metrics.flowsByVerdict} what="Flows by verdict">
      {series => (
        <TimeSeriesChart
          title="Flows per second by verdict"
          series={series}
          testId="metrics-flows-chart"
          verdictColors
        />
      )}
    </Result>
    <Result result={metrics.dropsByReason} what="Drops by reason">
      {series => (
        <TimeSeriesChart
          title="Drops per second by reason"
          series={series}
          testId="metrics-drops-chart"
        />
      )}
    </Result>
    <Text as="h3" variant="title-x-small">
      HTTP by destination workload
    </Text>
    <Result result={metrics.http} what="HTTP golden signals">
      {rows => <HttpTable rows={rows} />}
    </Result>
    <Text as="h3" variant="title-x-small">
      BGP sessions
    </Text>
    <Result result={metrics.bgpSessions} what="BGP sessions">
      {sessions => <BgpList sessions={sessions} />}
    </Result>
    <Result
      result={metrics.meshApiserverSyncErrors}
      what="clustermesh-apiserver sync errors"
    >
      {series => {
        const total = series.reduce(
          (n, s) => n + (s.points[s.points.length - 1]?.[1] ?? 0),
          0,
        );
        return (
          <Text
            variant="body-small"
            color="secondary"
            data-testid="metrics-sync-errors"
          >
            clustermesh-apiserver kvstore sync errors (last 5 min):{' '}
            {series.length === 0 ? 'no series' : total.toFixed(0)}
          </Text>
        );
      }}
    </Result>
  </Flex>
);

export default MetricsCharts;
