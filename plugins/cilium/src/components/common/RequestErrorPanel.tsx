import { ResponseErrorPanel } from '@backstage/core-components';
import { Alert, Text } from '@backstage/ui';
import { ConfigSnippet } from './ConfigSnippet';
import { clusterConfigSnippet } from './configSnippets';

/** HTTP status of an error thrown by the client (`ResponseError`), if any. */
export function statusCodeOf(error: Error): number | undefined {
  const code = (error as Error & { statusCode?: unknown }).statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** The backend's own message (`ResponseError.body.error.message`), else the error's. */
export function backendMessage(error: Error): string {
  const body = (error as Error & { body?: { error?: { message?: unknown } } })
    .body;
  const msg = body?.error?.message;
  return typeof msg === 'string' && msg ? msg : error.message;
}

/**
 * A failed request to the Cilium backend: 403 reads as permission denied,
 * 404 as a cluster the backend does not know (with the config to add),
 * anything else as the backend's error.
 */
export const RequestErrorPanel = (props: {
  error: Error;
  cluster?: string;
  what: string;
}) => {
  const { error, cluster, what } = props;
  const code = statusCodeOf(error);
  if (code === 403) {
    return (
      <div role="alert" data-testid="cilium-permission-denied">
        <Alert
          status="warning"
          icon
          title={`Permission denied: you may not read ${what}`}
          description={`${backendMessage(
            error,
          )}. Ask an administrator for the cilium.cluster.read (or cilium.flows.read) permission.`}
        />
      </div>
    );
  }
  if (code === 404 && cluster) {
    return (
      <div role="alert" data-testid="cilium-cluster-not-configured">
        <Alert
          status="info"
          icon
          title={`Cluster "${cluster}" is not configured in the Cilium backend`}
          description={backendMessage(error)}
        />
        <Text as="p" variant="body-small">
          Add the cluster to the backend's app-config.yaml, then reload this
          page:
        </Text>
        <ConfigSnippet
          code={clusterConfigSnippet(cluster)}
          label="Cluster configuration"
        />
      </div>
    );
  }
  return (
    <div data-testid="cilium-request-error">
      <ResponseErrorPanel error={error} title={`Could not load ${what}`} />
    </div>
  );
};
