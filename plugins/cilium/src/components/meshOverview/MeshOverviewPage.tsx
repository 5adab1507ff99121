import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { Button, Flex, Text } from '@backstage/ui';
import { ReactNode, useCallback, useMemo } from 'react';
import { clusterNameOf } from '../common/clusterName';
import { RequestErrorPanel } from '../common/RequestErrorPanel';
import { Section } from '../common/Section';
import { SectionSkeleton } from '../common/SectionSkeleton';
import { MeshClustersTable, MeshRow } from './MeshClustersTable';
import { MeshGraph } from './MeshGraph';
import { useMeshOverview } from '../../hooks/useMeshOverview';

/** `/cilium/mesh`: every cluster entity with its mesh id, peers and readiness, and the mesh graph. */
export const MeshOverviewPage = () => {
  const { entities, mesh } = useMeshOverview();
  const entityLink = useEntityRefLink();

  const rows = useMemo((): MeshRow[] => {
    const byName = new Map(
      (entities.value ?? []).map(e => [clusterNameOf(e), e]),
    );
    const infos = new Map((mesh.value?.clusters ?? []).map(c => [c.name, c]));
    const names = [...new Set([...byName.keys(), ...infos.keys()])].sort();
    return names.map(name => ({
      id: name,
      name,
      entity: byName.get(name),
      info: infos.get(name),
    }));
  }, [entities.value, mesh.value]);

  const hrefFor = useCallback(
    (name: string) => {
      const entity = rows.find(r => r.name === name)?.entity;
      return entity ? entityLink(entity) : undefined;
    },
    [rows, entityLink],
  );

  const loading = entities.loading || mesh.loading;
  const reload = () => {
    entities.retry();
    mesh.retry();
  };

  let graphBody: ReactNode;
  if (mesh.loading && !mesh.value) {
    graphBody = <SectionSkeleton label="mesh graph" rows={6} />;
  } else if (mesh.value && mesh.value.clusters.length > 0) {
    graphBody = <MeshGraph clusters={mesh.value.clusters} hrefFor={hrefFor} />;
  } else {
    graphBody = (
      <Text variant="body-small" data-testid="mesh-graph-empty">
        {mesh.error
          ? 'The mesh graph needs the mesh overview from the Cilium backend.'
          : 'No clusters are configured in the Cilium backend yet.'}
      </Text>
    );
  }

  let clustersBody: ReactNode;
  if (loading && rows.length === 0) {
    clustersBody = <SectionSkeleton label="clusters" />;
  } else if (rows.length === 0) {
    clustersBody = (
      <Text variant="body-small" data-testid="mesh-clusters-empty">
        No cluster entities yet: register a catalog-info.yaml with kind:
        Resource and spec.type: kubernetes-cluster (the cilium-cluster template
        writes one).
      </Text>
    );
  } else {
    clustersBody = <MeshClustersTable rows={rows} />;
  }

  return (
    <Flex direction="column" gap="4" p="4" data-testid="cilium-mesh-page">
      <Flex justify="between" align="center">
        <Text as="h1" variant="title-medium">
          Cluster Mesh overview
        </Text>
        <Button
          size="small"
          variant="secondary"
          onPress={reload}
          isPending={loading}
          aria-label="Reload mesh overview"
        >
          Reload
        </Button>
      </Flex>
      {entities.error && (
        <RequestErrorPanel
          error={entities.error}
          what="cluster entities from the catalog"
        />
      )}
      {mesh.error && (
        <RequestErrorPanel error={mesh.error} what="the mesh overview" />
      )}
      <Section id="mesh-graph" title="Mesh graph">
        {graphBody}
      </Section>
      <Section id="mesh-clusters" title="Clusters">
        {clustersBody}
      </Section>
    </Flex>
  );
};
