import Drawer from '@material-ui/core/Drawer';
import { Button, Flex, Link, Text } from '@backstage/ui';
import type { FlowGraphEdge, FlowRecord } from '@internal/plugin-cilium-common';
import { CopyLineButton } from '../CopyLineButton';
import { portText, verdictCountsText } from './EdgesTable';
import {
  edgeNamespaces,
  readinessHref,
} from '../../policyReadiness/readinessUrl';

export type Detail =
  | { type: 'flow'; flow: FlowRecord }
  | { type: 'edge'; edge: FlowGraphEdge };

const Pre = (props: { children: string; testId: string }) => (
  <pre
    data-testid={props.testId}
    style={{
      whiteSpace: 'pre-wrap',
      overflowWrap: 'anywhere',
      fontSize: 12,
      margin: 0,
      padding: 8,
      background: 'var(--bui-bg-neutral-2)',
      color: 'var(--bui-fg-primary)',
      borderRadius: 4,
    }}
  >
    {props.children}
  </pre>
);

/** The whole flow (or connection): its `hubble observe` line and its JSON, each with a copy button. */
export const DetailDrawer = (props: {
  detail?: Detail;
  onClose: () => void;
}) => {
  const { detail, onClose } = props;
  const json = detail
    ? JSON.stringify(
        detail.type === 'flow' ? detail.flow : detail.edge,
        null,
        2,
      )
    : '';
  return (
    <Drawer anchor="right" open={Boolean(detail)} onClose={onClose}>
      <div
        style={{
          width: 'min(640px, 100vw)',
          padding: 16,
          background: 'var(--bui-bg-app)',
          minHeight: '100%',
        }}
        data-testid="flow-detail"
      >
        {detail && (
          <Flex direction="column" gap="3">
            <Flex justify="between" align="center">
              <Text as="h3" variant="title-x-small">
                {detail.type === 'flow' ? 'Flow' : 'Connection'}
              </Text>
              <Button size="small" variant="secondary" onPress={onClose}>
                Close
              </Button>
            </Flex>
            {detail.type === 'flow' ? (
              <>
                <Text variant="body-small" weight="bold">
                  hubble observe
                </Text>
                <Pre testId="flow-detail-line">{detail.flow.line}</Pre>
                <CopyLineButton
                  line={detail.flow.line}
                  label="Copy hubble observe line"
                />
              </>
            ) : (
              <>
                <Text variant="body-medium" data-testid="edge-detail-summary">
                  {detail.edge.source} → {detail.edge.destination} on{' '}
                  {portText(detail.edge)}: {verdictCountsText(detail.edge)}
                </Text>
                {edgeNamespaces(detail.edge).map(ns => (
                  <Link
                    key={ns}
                    href={readinessHref(ns)}
                    data-testid="edge-readiness-link"
                  >
                    Zero-trust readiness of {ns}
                  </Link>
                ))}
              </>
            )}
            <Text variant="body-small" weight="bold">
              JSON
            </Text>
            <Pre testId="flow-detail-json">{json}</Pre>
            <CopyLineButton line={json} label="Copy JSON" />
          </Flex>
        )}
      </div>
    </Drawer>
  );
};
