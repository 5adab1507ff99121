import { memo } from 'react';
import { Entity } from '@backstage/catalog-model';
import { Flex, Link, Text } from '@backstage/ui';
import {
  ANNOTATION_CILIUM_VERSION,
  ANNOTATION_CLUSTER_ID,
  ClusterStatus,
} from '@internal/plugin-cilium-common';
import { KeyValueList } from '../common/KeyValueList';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { errorsFor } from '../../hooks/useClusterStatus';
import { toolLinks } from './entityLinks';

function enabledText(v?: boolean): string {
  if (v === undefined) return 'unknown';
  return v ? 'enabled' : 'disabled';
}

function argoSummary(status: ClusterStatus): string {
  const apps = status.argocd?.applications;
  if (!apps) return 'not available';
  if (apps.length === 0) return 'no Applications';
  const synced = apps.filter(a => a.syncStatus === 'Synced').length;
  const healthy = apps.filter(a => a.healthStatus === 'Healthy').length;
  return `${synced}/${apps.length} Synced, ${healthy}/${apps.length} Healthy`;
}

/** Cilium version, cluster name/id, routing mode, KPR, Argo CD summary, tool links. */
export const OverviewBody = memo(
  (props: { entity: Entity; status: ClusterStatus }) => {
    const { entity, status } = props;
    const cfg = status.ciliumConfig;
    const ann = entity.metadata.annotations ?? {};
    const links = toolLinks(entity);

    return (
      <>
        {errorsFor(status, 'cluster', 'ciliumConfig').map(e => (
          <SourceErrorAlert
            key={e.source}
            error={e}
            what="Cilium configuration"
          />
        ))}
        <KeyValueList
          label="Cluster overview"
          items={[
            {
              label: 'Cilium version',
              value:
                cfg?.version ?? ann[ANNOTATION_CILIUM_VERSION] ?? 'unknown',
              testId: 'overview-cilium-version',
            },
            {
              label: 'Cluster name',
              value: cfg?.clusterName ?? status.cluster,
              testId: 'overview-cluster-name',
            },
            {
              label: 'Cluster ID',
              value: String(
                cfg?.clusterId ?? ann[ANNOTATION_CLUSTER_ID] ?? 'unknown',
              ),
              testId: 'overview-cluster-id',
            },
            {
              label: 'Routing mode',
              value: cfg?.routingMode
                ? `${cfg.routingMode}${
                    cfg.tunnelProtocol ? ` (${cfg.tunnelProtocol})` : ''
                  }`
                : 'unknown',
              testId: 'overview-routing-mode',
            },
            {
              label: 'Kube-proxy replacement',
              value: enabledText(cfg?.kubeProxyReplacement),
              testId: 'overview-kpr',
            },
            {
              label: 'Argo CD',
              value: argoSummary(status),
              testId: 'overview-argocd',
            },
          ]}
        />
        <Flex gap="4" aria-label="Tools" role="list">
          {links.length === 0 ? (
            <Text variant="body-small" color="secondary">
              No Hubble UI, Grafana or Argo CD links: add them to the entity's
              metadata.links.
            </Text>
          ) : (
            links.map(l => (
              <span role="listitem" key={l.tool}>
                <Link href={l.url} target="_blank" rel="noopener noreferrer">
                  {l.tool}
                </Link>
              </span>
            ))
          )}
        </Flex>
      </>
    );
  },
);
OverviewBody.displayName = 'OverviewBody';
