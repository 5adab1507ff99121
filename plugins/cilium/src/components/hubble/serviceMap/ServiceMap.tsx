import { memo, useMemo, useState } from 'react';
import { Button, Flex, Text } from '@backstage/ui';
import type { FlowsSummary } from '@internal/plugin-cilium-common';
import {
  EdgeState,
  layoutServiceMap,
  MapEdge,
  NODE_HEIGHT,
  NODE_WIDTH,
} from './layoutServiceMap';
import type { MapSelection } from './selection';
import { tone } from '../../../theme/colors';
import { LineLegend } from '../../common/LineLegend';

/** Theme tokens only (light and dark); dash patterns so colour is not the only cue. */
const EDGE_LOOK: Record<
  EdgeState,
  { stroke: string; width: number; dash?: string; label: string }
> = {
  dropped: {
    stroke: tone.negative,
    width: 3,
    dash: '7 4',
    label: 'dropped flows (dashed)',
  },
  forwarded: {
    stroke: tone.positive,
    width: 1.5,
    label: 'forwarded only',
  },
  other: {
    stroke: 'var(--bui-fg-secondary)',
    width: 1.5,
    dash: '2 3',
    label: 'other verdicts (dotted)',
  },
};

const path = (points: MapEdge['points']) =>
  points
    .map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(' ');

const clip = (s: string, n: number) =>
  s.length > n ? `${s.slice(0, n - 1)}…` : s;

const Legend = () => (
  <LineLegend
    looks={EDGE_LOOK}
    label="Service map legend"
    sampleWidth={32}
    style={{ flexWrap: 'wrap' }}
  />
);

/**
 * Who talks to whom: workloads as nodes, connections as edges coloured by
 * verdict (laid out by dagre). A click on an edge or a node selects it.
 */
export const ServiceMap = memo(
  (props: {
    summary: Pick<FlowsSummary, 'nodes' | 'edges'>;
    selection?: MapSelection;
    onSelect: (sel: MapSelection | undefined) => void;
  }) => {
    const { summary, selection, onSelect } = props;
    const layout = useMemo(() => layoutServiceMap(summary), [summary]);
    const [zoom, setZoom] = useState(1);
    const selectedEdge =
      selection?.type === 'edge'
        ? `${selection.from}→${selection.to}`
        : undefined;
    const selectedNode =
      selection?.type === 'node' ? selection.node : undefined;
    const fit = Math.min(1, 1100 / layout.width);
    const scale = fit * zoom;

    if (layout.nodes.length === 0) {
      return (
        <Text variant="body-small" data-testid="service-map-empty">
          No flows in this window, so there is nothing to draw.
        </Text>
      );
    }
    return (
      <Flex direction="column" gap="2">
        <Flex
          gap="3"
          align="center"
          justify="between"
          style={{ flexWrap: 'wrap' }}
        >
          <Legend />
          <Flex gap="2" align="center">
            {layout.grouped && (
              <Text variant="body-small" data-testid="service-map-grouped">
                {summary.nodes.length} workloads: one node per namespace
              </Text>
            )}
            <Button
              size="small"
              variant="secondary"
              aria-label="Zoom out"
              onPress={() => setZoom(z => Math.max(0.25, z / 1.25))}
            >
              −
            </Button>
            <Button
              size="small"
              variant="secondary"
              aria-label="Zoom in"
              onPress={() => setZoom(z => Math.min(4, z * 1.25))}
            >
              +
            </Button>
          </Flex>
        </Flex>
        <div
          style={{
            overflow: 'auto',
            maxHeight: 560,
            border: '1px solid var(--bui-border-1)',
            borderRadius: 4,
            background: 'var(--bui-bg-neutral-1)',
          }}
        >
          <svg
            width={layout.width * scale}
            height={layout.height * scale}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            role="group"
            aria-label="Service map"
            data-testid="service-map"
            data-nodes={layout.nodes.length}
            data-edges={layout.edges.length}
          >
            <defs>
              {(Object.keys(EDGE_LOOK) as EdgeState[]).map(s => (
                <marker
                  key={s}
                  id={`sm-arrow-${s}`}
                  viewBox="0 0 10 10"
                  refX="10"
                  refY="5"
                  markerWidth="6"
                  markerHeight="6"
                  orient="auto-start-reverse"
                >
                  <path d="M0,0 L10,5 L0,10 z" fill={EDGE_LOOK[s].stroke} />
                </marker>
              ))}
            </defs>
            {layout.edges.map(e => {
              const look = EDGE_LOOK[e.state];
              const selected = e.id === selectedEdge;
              return (
                <g
                  key={e.id}
                  data-testid="service-map-edge"
                  data-edge={e.id}
                  data-state={e.state}
                  style={{ cursor: 'pointer' }}
                  onClick={() =>
                    onSelect(
                      selected
                        ? undefined
                        : { type: 'edge', from: e.source, to: e.target },
                    )
                  }
                >
                  <title>
                    {`${e.source} → ${e.target} (${e.ports.join(', ')}): ${
                      e.flows
                    } flows${e.dropped ? `, ${e.dropped} dropped` : ''}`}
                  </title>
                  <path
                    d={path(e.points)}
                    fill="none"
                    stroke="transparent"
                    strokeWidth={10}
                  />
                  <path
                    d={path(e.points)}
                    fill="none"
                    stroke={selected ? 'var(--bui-fg-primary)' : look.stroke}
                    strokeWidth={selected ? look.width + 2 : look.width}
                    strokeDasharray={look.dash}
                    markerEnd={`url(#sm-arrow-${e.state})`}
                  />
                </g>
              );
            })}
            {layout.nodes.map(n => {
              const selected = n.id === selectedNode;
              return (
                <g
                  key={n.id}
                  transform={`translate(${n.x - NODE_WIDTH / 2},${
                    n.y - NODE_HEIGHT / 2
                  })`}
                  data-testid="service-map-node"
                  data-node={n.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() =>
                    onSelect(
                      selected ? undefined : { type: 'node', node: n.id },
                    )
                  }
                >
                  <title>{`${n.id}${
                    n.members > 1 ? ` (${n.members} workloads)` : ''
                  }`}</title>
                  <rect
                    width={NODE_WIDTH}
                    height={NODE_HEIGHT}
                    rx={6}
                    fill="var(--bui-bg-neutral-2)"
                    stroke={
                      selected ? 'var(--bui-fg-primary)' : 'var(--bui-border-2)'
                    }
                    strokeWidth={selected ? 2.5 : 1}
                  />
                  <text
                    x={8}
                    y={14}
                    fontSize={12}
                    fontWeight={600}
                    fill="var(--bui-fg-primary)"
                  >
                    {clip(n.label, 24)}
                  </text>
                  <text
                    x={8}
                    y={27}
                    fontSize={10}
                    fill="var(--bui-fg-secondary)"
                  >
                    {clip(
                      n.members > 1 ? `${n.detail} · ${n.members}` : n.detail,
                      28,
                    )}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      </Flex>
    );
  },
);
ServiceMap.displayName = 'ServiceMap';
