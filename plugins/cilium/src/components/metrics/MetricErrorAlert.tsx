import { Alert } from '@backstage/ui';
import { MetricError } from '@internal/plugin-cilium-common';

const REASON_TEXT: Record<MetricError['reason'], string> = {
  bad_data: 'query refused (bad_data)',
  execution: 'query failed (execution)',
  timeout: 'timed out',
  unauthorized: 'unauthorized',
  unreachable: 'unreachable',
  'not-configured': 'not configured',
  error: 'failed',
};

/** One Prometheus query's error; the other charts still render. */
export const MetricErrorAlert = (props: {
  error: MetricError;
  what: string;
  promql: string;
}) => {
  const { error, what, promql } = props;
  const code = error.statusCode ? ` (HTTP ${error.statusCode})` : '';
  return (
    <div role="alert" data-testid="cilium-metric-error">
      <Alert
        status={error.reason === 'not-configured' ? 'info' : 'danger'}
        icon
        title={`${what}: ${REASON_TEXT[error.reason]}${code}`}
        description={`${error.message} — query: ${promql}`}
      />
    </div>
  );
};
