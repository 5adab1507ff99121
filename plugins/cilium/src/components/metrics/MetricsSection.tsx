import { lazy, Suspense } from 'react';
import {
  Alert,
  Button,
  Flex,
  Text,
  ToggleButton,
  ToggleButtonGroup,
} from '@backstage/ui';
import { METRICS_RANGES, MetricsRange } from '@internal/plugin-cilium-common';
import { ConfigSnippet } from '../common/ConfigSnippet';
import { prometheusSnippet } from '../common/configSnippets';
import { RequestErrorPanel } from '../common/RequestErrorPanel';
import { Section } from '../common/Section';
import { SectionSkeleton } from '../common/SectionSkeleton';
import { useClusterMetrics } from '../../hooks/useClusterMetrics';

// recharts is only downloaded when the section has something to draw.
const MetricsCharts = lazy(() => import('./MetricsCharts'));

const RANGE_LABELS: Record<MetricsRange, string> = {
  '15m': '15 min',
  '1h': '1 h',
  '6h': '6 h',
};

/**
 * Flows, drops, HTTP golden signals and BGP sessions from the cluster's
 * own Prometheus, over 15 min, 1 h or 6 h.
 */
export const MetricsSection = ({ cluster }: { cluster: string }) => {
  const state = useClusterMetrics(cluster);
  const metrics = state.value;
  const picker = (
    <Flex gap="2" align="center">
      <ToggleButtonGroup
        aria-label="Time range"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[state.range]}
        onSelectionChange={keys => {
          const next = [...keys][0] as MetricsRange | undefined;
          if (next) state.setRange(next);
        }}
        data-testid="metrics-range"
      >
        {METRICS_RANGES.map(r => (
          <ToggleButton key={r} id={r} size="small">
            {RANGE_LABELS[r]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Button
        size="small"
        variant="secondary"
        onPress={state.retry}
        isPending={state.loading}
        aria-label="Reload metrics"
      >
        Reload
      </Button>
    </Flex>
  );

  let body;
  if (state.error) {
    body = (
      <RequestErrorPanel
        error={state.error}
        cluster={cluster}
        what={`the metrics of ${cluster}`}
      />
    );
  } else if (!metrics) {
    body = (
      <SectionSkeleton label="metrics" rows={4} testId="metrics-loading" />
    );
  } else if (!metrics.configured) {
    body = (
      <div data-testid="metrics-not-configured">
        <Alert
          status="info"
          icon
          title="No Prometheus configured for this cluster"
          description="Add its Prometheus (kube-prometheus-stack in the generated clusters) to read flows, drops, HTTP golden signals, BGP sessions and Cluster Mesh readiness from it:"
        />
        <ConfigSnippet
          code={prometheusSnippet(cluster)}
          label="Prometheus configuration"
        />
      </div>
    );
  } else {
    body = (
      <>
        <Text
          variant="body-x-small"
          color="secondary"
          data-testid="metrics-window"
        >
          {new Date(metrics.window.start).toLocaleString()} –{' '}
          {new Date(metrics.window.end).toLocaleTimeString()}, one point per{' '}
          {metrics.window.stepSeconds} s
        </Text>
        <Suspense
          fallback={
            <SectionSkeleton label="charts" rows={4} testId="metrics-loading" />
          }
        >
          <MetricsCharts metrics={metrics} />
        </Suspense>
      </>
    );
  }
  return (
    <Section id="metrics" title="Metrics (Prometheus)" actions={picker}>
      {body}
    </Section>
  );
};
