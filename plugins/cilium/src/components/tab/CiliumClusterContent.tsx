import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Button, Flex, Text } from '@backstage/ui';
import { ArgoCdBody } from '../argocd/ArgoCdBody';
import { clusterNameOf } from '../common/clusterName';
import { RequestErrorPanel, statusCodeOf } from '../common/RequestErrorPanel';
import { StatusSection } from '../common/StatusSection';
import { useClusterStatus } from '../../hooks/useClusterStatus';
import { GatewaysBody } from '../gateways/GatewaysBody';
import { GitLiveSection } from '../gitLive/GitLiveSection';
import { HubbleSection } from '../hubble/HubbleSection';
import { ClusterMeshBody } from '../clusterMesh/ClusterMeshBody';
import { LoadBalancingBody } from '../loadBalancing/LoadBalancingBody';
import { MetricsSection } from '../metrics/MetricsSection';
import { OverviewBody } from '../overview/OverviewBody';
import { PolicyReadinessSection } from '../policyReadiness/PolicyReadinessSection';
import { HttpRoutesBody } from '../httpRoutes/HttpRoutesBody';

/** The "Cilium" tab for one cluster entity, given explicitly. */
export const CiliumClusterView = ({ entity }: { entity: Entity }) => {
  const cluster = clusterNameOf(entity);
  const state = useClusterStatus(cluster);
  const code = state.error ? statusCodeOf(state.error) : undefined;
  const blocking = code === 403 || code === 404;

  return (
    <Flex
      direction="column"
      gap="4"
      data-testid="cilium-cluster-content"
      aria-label={`Cilium: ${cluster}`}
    >
      <Flex justify="between" align="center">
        <Text as="p" variant="title-small" data-testid="cilium-cluster-title">
          Cilium on {cluster}
        </Text>
        <Flex gap="3" align="center">
          {state.value && (
            <Text
              variant="body-x-small"
              color="secondary"
              data-testid="cilium-generated-at"
            >
              read at {new Date(state.value.generatedAt).toLocaleTimeString()}
            </Text>
          )}
          <Button
            size="small"
            variant="secondary"
            onPress={state.retry}
            isPending={state.loading}
            aria-label="Reload cluster status"
            data-testid="cilium-reload-status"
          >
            Reload status
          </Button>
        </Flex>
      </Flex>
      {state.error && (
        <RequestErrorPanel
          error={state.error}
          cluster={cluster}
          what={`the status of ${cluster}`}
        />
      )}
      {!blocking && (
        <>
          {!state.error && (
            <>
              <StatusSection
                id="overview"
                title="Overview"
                state={state}
                cluster={cluster}
              >
                {s => <OverviewBody entity={entity} status={s} />}
              </StatusSection>
              <StatusSection
                id="gateways"
                title="Gateways"
                state={state}
                cluster={cluster}
              >
                {s => <GatewaysBody status={s} />}
              </StatusSection>
              <StatusSection
                id="httproutes"
                title="HTTPRoutes"
                state={state}
                cluster={cluster}
              >
                {s => (
                  <HttpRoutesBody
                    status={s}
                    entityRef={stringifyEntityRef(entity)}
                  />
                )}
              </StatusSection>
              <StatusSection
                id="load-balancing"
                title="Load balancing and BGP"
                state={state}
                cluster={cluster}
              >
                {s => <LoadBalancingBody status={s} />}
              </StatusSection>
            </>
          )}
          <GitLiveSection
            cluster={cluster}
            entityRef={stringifyEntityRef(entity)}
          />
          <HubbleSection
            cluster={cluster}
            statusState={state}
            entity={entity}
          />
          <MetricsSection cluster={cluster} />
          <PolicyReadinessSection
            cluster={cluster}
            entity={entity}
            entityRef={stringifyEntityRef(entity)}
          />
          {!state.error && (
            <>
              <StatusSection
                id="cluster-mesh"
                title="Cluster Mesh"
                state={state}
                cluster={cluster}
              >
                {s => <ClusterMeshBody status={s} />}
              </StatusSection>
              <StatusSection
                id="argocd"
                title="Argo CD"
                state={state}
                cluster={cluster}
              >
                {s => <ArgoCdBody status={s} />}
              </StatusSection>
            </>
          )}
        </>
      )}
    </Flex>
  );
};

/** The "Cilium" tab, reading the entity from context. */
export const CiliumClusterContent = () => {
  const { entity } = useEntity();
  return <CiliumClusterView entity={entity} />;
};
