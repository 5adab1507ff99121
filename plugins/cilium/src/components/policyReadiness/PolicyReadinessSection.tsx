import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Entity } from '@backstage/catalog-model';
import { Alert, Button, Flex, Select, Text } from '@backstage/ui';
import type {
  PolicyReadinessResponse,
  SourceError,
} from '@internal/plugin-cilium-common';
import { useCiliumPermission } from '../../hooks/useCiliumPermission';
import { RequestErrorPanel } from '../common/RequestErrorPanel';
import { Section } from '../common/Section';
import { SectionSkeleton } from '../common/SectionSkeleton';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { ProposalPanel } from './ProposalPanel';
import { READINESS_NAMESPACE_PARAM } from './readinessUrl';
import { useNamespacesSeen, usePolicyReadiness } from './usePolicyReadiness';
import { WouldDropTable } from './WouldDropTable';
import { PolicyVerdictsTable } from './PolicyVerdictsTable';
import { DroppedNowList } from './DroppedNowList';
import { ReadinessSummary } from './ReadinessSummary';

const SOURCE_NAMES: Record<string, string> = {
  hubble: 'Hubble Relay (flows)',
  ciliumNetworkPolicies: 'CiliumNetworkPolicies',
  ciliumClusterwideNetworkPolicies: 'CiliumClusterwideNetworkPolicies',
  networkPolicies: 'Kubernetes NetworkPolicies',
};

const notConfigured = (e: SourceError) =>
  e.source === 'hubble' && e.reason === 'not-configured';

const ReadinessBody = (props: {
  doc: PolicyReadinessResponse;
  entityRef: string;
  unticked: ReadonlySet<string>;
  onToggle: (id: string, keep: boolean) => void;
}) => {
  const { doc } = props;
  const errors = doc.errors as SourceError[];
  if (errors.some(notConfigured)) {
    return (
      <Text variant="body-medium" data-testid="readiness-no-hubble">
        No Hubble Relay is configured for {doc.cluster}: readiness is computed
        from observed flows.
      </Text>
    );
  }
  return (
    <>
      {errors.map(e => (
        <SourceErrorAlert
          key={e.source}
          error={e}
          what={SOURCE_NAMES[e.source] ?? e.source}
        />
      ))}
      {doc.flowsConsidered === 0 ? (
        <Text variant="body-medium" data-testid="readiness-no-flows">
          No flows of {doc.namespace} in the window: nothing to judge yet.
        </Text>
      ) : (
        <>
          <ReadinessSummary doc={doc} />
          {(['ingress', 'egress'] as const).map(d => (
            <WouldDropTable
              key={d}
              direction={d}
              edges={doc.wouldDrop[d]}
              unticked={props.unticked}
              onToggle={props.onToggle}
            />
          ))}
          {doc.droppedNow && <DroppedNowList edges={doc.droppedNow} />}
          {doc.policyVerdicts && (
            <PolicyVerdictsTable rows={doc.policyVerdicts} />
          )}
          {doc.proposal && (
            <ProposalPanel
              proposal={doc.proposal}
              doc={doc}
              entityRef={props.entityRef}
            />
          )}
        </>
      )}
    </>
  );
};

const ReadinessPicker = (props: { cluster: string; entityRef: string }) => {
  const { cluster } = props;
  const [params, setParams] = useSearchParams();
  const namespace = params.get(READINESS_NAMESPACE_PARAM) ?? '';
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const seen = useNamespacesSeen(cluster);
  const first = usePolicyReadiness(cluster, namespace, undefined);
  const allIds = useMemo(
    () =>
      first.value
        ? [...first.value.wouldDrop.ingress, ...first.value.wouldDrop.egress]
            .map(e => e.id)
            .sort()
        : [],
    [first.value],
  );
  const keep =
    unticked.size > 0 ? allIds.filter(id => !unticked.has(id)) : undefined;
  const recomputed = usePolicyReadiness(cluster, keep ? namespace : '', keep);
  const setNamespace = useCallback(
    (ns: string) => {
      setUnticked(new Set());
      const next = new URLSearchParams(params);
      if (ns) next.set(READINESS_NAMESPACE_PARAM, ns);
      else next.delete(READINESS_NAMESPACE_PARAM);
      setParams(next, { replace: true });
    },
    [params, setParams],
  );
  const onToggle = useCallback((id: string, keepIt: boolean) => {
    setUnticked(prev => {
      const next = new Set(prev);
      if (keepIt) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const namespaces = seen.value?.namespaces ?? [];
  const options = [
    ...(namespace && !namespaces.includes(namespace) ? [namespace] : []),
    ...namespaces,
  ].map(ns => ({ value: ns, label: ns }));
  const shown = keep ? recomputed : first;
  // While a recomputation loads, keep the edges on screen.
  const doc = shown.value ?? (keep ? first.value : undefined);

  let body;
  if (!namespace) {
    body = (
      <Text variant="body-small" color="secondary" data-testid="readiness-pick">
        Pick a namespace to see what a default-deny would drop there.
      </Text>
    );
  } else if (shown.error) {
    body = (
      <RequestErrorPanel
        error={shown.error}
        cluster={cluster}
        what={`the zero-trust readiness of ${namespace}`}
      />
    );
  } else if (!doc) {
    body = <SectionSkeleton label={`readiness of ${namespace}`} />;
  } else {
    body = (
      <ReadinessBody
        doc={doc}
        entityRef={props.entityRef}
        unticked={unticked}
        onToggle={onToggle}
      />
    );
  }

  return (
    <>
      <Flex gap="3" align="end">
        {seen.value?.hubbleError && notConfigured(seen.value.hubbleError) ? (
          <Text variant="body-medium" data-testid="readiness-no-hubble">
            No Hubble Relay is configured for {cluster}: readiness is computed
            from observed flows.
          </Text>
        ) : (
          <Select
            label="Namespace"
            data-testid="readiness-namespace"
            placeholder={
              seen.loading ? 'Loading namespaces…' : 'Namespaces seen in flows'
            }
            options={options}
            value={namespace || null}
            onChange={key => setNamespace(String(key ?? ''))}
          />
        )}
        {namespace && (
          <Button
            size="small"
            variant="secondary"
            onPress={() => (keep ? recomputed.retry() : first.retry())}
            isPending={shown.loading}
            aria-label="Reload zero-trust readiness"
            data-testid="readiness-reload"
          >
            Reload
          </Button>
        )}
      </Flex>
      {seen.error && (
        <RequestErrorPanel
          error={seen.error}
          cluster={cluster}
          what={`the namespaces seen in ${cluster}'s flows`}
        />
      )}
      {body}
    </>
  );
};

/**
 * "Zero-trust readiness": per namespace, which endpoints policies already
 * select, which observed flows a default-deny would newly drop (tick the
 * edges to keep), the proposed CiliumNetworkPolicies for the kept edges
 * and their replay. Built from flows: shown only with cilium.flows.read.
 */
export const PolicyReadinessSection = (props: {
  cluster: string;
  entity?: Entity;
  entityRef: string;
}) => {
  const { cluster } = props;
  const gate = useCiliumPermission('flows', props.entity, cluster);
  return (
    <Section id="policy-readiness" title="Zero-trust readiness">
      {gate.loading && <SectionSkeleton label="Zero-trust readiness" />}
      {!gate.loading && !gate.allowed && (
        <div data-testid="readiness-hidden">
          <Alert
            status="info"
            icon
            title="Zero-trust readiness is hidden"
            description={gate.reason}
          />
        </div>
      )}
      {gate.allowed && (
        <ReadinessPicker cluster={cluster} entityRef={props.entityRef} />
      )}
    </Section>
  );
};
