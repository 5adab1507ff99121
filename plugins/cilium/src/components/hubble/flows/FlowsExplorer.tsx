import { useState } from 'react';
import { Button, ButtonLink, Flex, Switch, Text } from '@backstage/ui';
import {
  FlowsSummary,
  toHubbleJsonLines,
} from '@internal/plugin-cilium-common';
import { RequestErrorPanel } from '../../common/RequestErrorPanel';
import { SectionSkeleton } from '../../common/SectionSkeleton';
import { SourceErrorAlert } from '../../common/SourceErrorAlert';
import { FlowFilters } from '../FlowFilters';
import { isValidNamespace } from '../namespaceName';
import { FlowsTable } from '../FlowsTable';
import { ServiceMap } from '../serviceMap/ServiceMap';
import { selectionText } from '../serviceMap/selection';
import { DetailDrawer, Detail } from './DetailDrawer';
import { EdgesTable } from './EdgesTable';
import { downloadJson, downloadText, hubbleUiLink } from './flowsExport';
import { Pager, PAGE_SIZE } from './Pager';
import { useFlowsExplorer } from './useFlowsExplorer';
import { LiveStatus } from './LiveStatus';

/** "12,345 flows from 10:00:01 to 10:05:00 UTC; 3 events lost". */
export function windowText(s: FlowsSummary): string {
  const fmt = (iso: string | null) =>
    iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : 'N/A';
  const lost = s.lostEvents.inStream;
  const evicted = s.lostEvents.evictedFromBuffers;
  return [
    `${s.flowsRead.toLocaleString('en-US')} flows from ${fmt(
      s.window.oldest,
    )} to ${fmt(s.window.newest)} UTC${
      s.truncated ? ' (newest only: older flows not read)' : ''
    }`,
    `${lost.toLocaleString('en-US')} events lost in this read`,
    ...(evicted !== undefined
      ? [
          `${evicted.toLocaleString(
            'en-US',
          )} older flows no longer in Hubble's buffers`,
        ]
      : []),
  ].join(' · ');
}

/**
 * The service map of the cluster's recent flows and, below it, the
 * connections (aggregated) or the flows themselves (raw), 25 per page, with
 * filters in the URL, a detail drawer, JSON export, Live and a link to
 * Hubble UI.
 */
export const FlowsExplorer = (props: { cluster: string }) => {
  const { cluster } = props;
  const x = useFlowsExplorer(cluster);
  const [detail, setDetail] = useState<Detail>();
  const [nsInput, setNsInput] = useState(x.url.namespace);
  const nsInvalid = !isValidNamespace(nsInput);
  const summary = x.summary;
  const raw = x.url.view === 'raw';
  const total = raw ? x.rawFlows.length : x.edges.length;
  const from = x.page * PAGE_SIZE;

  const exportJson = () => {
    const name = `${cluster}-${x.url.namespace || 'all'}-${
      raw ? 'flows.jsonl' : 'connections.json'
    }`;
    // raw flows as `hubble observe -o json` prints them (JSON Lines)
    if (raw)
      downloadText(name, toHubbleJsonLines(x.rawFlows), 'application/jsonl');
    else if (summary)
      downloadJson(name, {
        cluster,
        namespace: x.url.namespace || undefined,
        window: summary.window,
        flowsRead: summary.flowsRead,
        lostEvents: summary.lostEvents,
        nodes: summary.nodes,
        edges: x.edges,
      });
  };

  return (
    <Flex direction="column" gap="3" data-testid="flows-explorer">
      <Flex
        gap="3"
        align="center"
        justify="between"
        style={{ flexWrap: 'wrap' }}
      >
        <Text as="h3" variant="title-x-small">
          Service map
        </Text>
        <Flex gap="3" align="center" style={{ flexWrap: 'wrap' }}>
          <Switch
            label="Live"
            data-testid="flows-live"
            isSelected={x.live}
            onChange={x.setLive}
          />
          <Switch
            label="Raw flows"
            data-testid="flows-raw"
            isSelected={raw}
            onChange={v => x.update({ view: v ? 'raw' : 'aggregated' })}
          />
          <Button
            size="small"
            variant="secondary"
            data-testid="flows-export"
            onPress={exportJson}
          >
            Export JSON
          </Button>
          {summary?.hubbleUiUrl && (
            <ButtonLink
              size="small"
              variant="secondary"
              href={hubbleUiLink(summary.hubbleUiUrl, x.url.namespace)}
              target="_blank"
              data-testid="flows-hubble-ui"
            >
              Open in Hubble UI
            </ButtonLink>
          )}
          <Button
            size="small"
            variant="secondary"
            aria-label="Refresh flows"
            data-testid="flows-refresh"
            onPress={x.refresh}
            isPending={x.summaryState.loading}
          >
            Refresh
          </Button>
        </Flex>
      </Flex>
      <FlowFilters
        namespace={nsInput}
        namespaceInvalid={nsInvalid}
        onNamespaceChange={ns => {
          setNsInput(ns);
          const t = ns.trim();
          if (isValidNamespace(t))
            x.update({ namespace: t, selection: undefined });
        }}
        verdict={x.url.verdict}
        onVerdictChange={verdict => x.update({ verdict })}
        policyVerdictsOnly={x.url.policyVerdictsOnly}
        onPolicyVerdictsOnlyChange={v => x.update({ policyVerdictsOnly: v })}
      />
      {x.live && <LiveStatus state={x.liveState} />}
      {x.summaryState.error && (
        <RequestErrorPanel
          error={x.summaryState.error}
          cluster={cluster}
          what={`the flows of ${cluster}`}
        />
      )}
      {!summary && x.summaryState.loading && (
        <SectionSkeleton label="service map" />
      )}
      {summary?.error && (
        <SourceErrorAlert error={summary.error} what="Hubble flows" />
      )}
      {summary && !summary.error && (
        <>
          <Text
            variant="body-small"
            color="secondary"
            data-testid="flows-window"
          >
            {windowText(summary)}
          </Text>
          <ServiceMap
            summary={summary}
            selection={x.url.selection}
            onSelect={selection => x.update({ selection })}
          />
        </>
      )}
      {x.url.selection && (
        <Flex gap="2" align="center" data-testid="flows-selection">
          <Text variant="body-small">
            Showing {raw ? 'flows' : 'connections'} of{' '}
            <b>{selectionText(x.url.selection)}</b>
          </Text>
          <Button
            size="small"
            variant="tertiary"
            onPress={() => x.update({ selection: undefined })}
          >
            Show all
          </Button>
        </Flex>
      )}
      {raw && x.rawState.error && (
        <RequestErrorPanel
          error={x.rawState.error}
          cluster={cluster}
          what={`the flows of ${cluster}`}
        />
      )}
      {raw && x.rawState.value?.error && (
        <SourceErrorAlert error={x.rawState.value.error} what="Hubble flows" />
      )}
      {raw && !x.rawState.value && x.rawState.loading && (
        <SectionSkeleton label="flows" />
      )}
      {raw && x.rawState.value && !x.rawState.value.error && (
        <FlowsTable
          flows={x.rawFlows.slice(from, from + PAGE_SIZE)}
          onOpen={flow => setDetail({ type: 'flow', flow })}
        />
      )}
      {!raw && summary && !summary.error && (
        <EdgesTable
          edges={x.edges.slice(from, from + PAGE_SIZE)}
          onOpen={edge => setDetail({ type: 'edge', edge })}
        />
      )}
      <Pager page={x.page} total={total} onPage={x.setPage} />
      <DetailDrawer detail={detail} onClose={() => setDetail(undefined)} />
    </Flex>
  );
};
