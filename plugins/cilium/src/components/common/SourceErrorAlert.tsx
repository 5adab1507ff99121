import { Alert } from '@backstage/ui';
import { SourceError } from '@internal/plugin-cilium-common';

const REASON_TEXT: Record<SourceError['reason'], string> = {
  timeout: 'timed out',
  unreachable: 'unreachable',
  unauthorized: 'unauthorized',
  forbidden: 'permission denied',
  'not-found': 'not found',
  'not-configured': 'not configured',
  unsupported: 'not supported',
  error: 'failed',
};

/** The error of one source of the status document; the rest of the page still renders. */
export const SourceErrorAlert = (props: {
  error: SourceError;
  what: string;
}) => {
  const { error, what } = props;
  const code = error.statusCode ? ` (HTTP ${error.statusCode})` : '';
  return (
    <div role="alert" data-testid={`cilium-source-error-${error.source}`}>
      <Alert
        status={error.reason === 'not-configured' ? 'info' : 'danger'}
        icon
        title={`${what}: ${REASON_TEXT[error.reason]}${code}`}
        description={error.message}
      />
    </div>
  );
};
