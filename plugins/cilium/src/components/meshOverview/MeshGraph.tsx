import { Flex } from '@backstage/ui';
import { MeshClusterInfo } from '@internal/plugin-cilium-common';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { line, surface, tone } from '../../theme/colors';
import { LineLegend } from '../common/LineLegend';
import { buildMeshGraph, LinkState, MeshGraphNode } from './buildMeshGraph';

const WIDTH = 640;
const HEIGHT = 420;

/** Colour and dash pattern per link state, so colour is never the only cue. */
export const LINK_STYLE: Record<
  LinkState,
  { stroke: string; dash?: string; label: string }
> = {
  ready: { stroke: tone.positive, label: 'ready (solid)' },
  broken: { stroke: tone.negative, dash: '8 5', label: 'broken (dashed)' },
  unknown: { stroke: tone.muted, dash: '2 4', label: 'unknown (dotted)' },
};

function nodeLook(n: MeshGraphNode) {
  if (!n.known) return { fill: surface.raised, stroke: line.strong };
  if (n.reachable) return { fill: surface.info, stroke: tone.info };
  return { fill: surface.negative, stroke: tone.negative };
}

const Legend = () => (
  <LineLegend
    looks={LINK_STYLE}
    label="Legend"
    testId="mesh-graph-legend"
    sampleWidth={36}
    defaultWidth={3}
  />
);

/** Clusters as nodes and their mesh links as edges; nodes link to their entity pages. */
export const MeshGraph = (props: {
  clusters: MeshClusterInfo[];
  hrefFor: (cluster: string) => string | undefined;
}) => {
  const { nodes, edges } = useMemo(
    () => buildMeshGraph(props.clusters, { width: WIDTH, height: HEIGHT }),
    [props.clusters],
  );
  const pos = new Map(nodes.map(n => [n.name, n]));
  return (
    <Flex direction="column" gap="2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH }}
        role="group"
        aria-label="Cluster Mesh graph"
        data-testid="mesh-graph"
      >
        <title>Cluster Mesh graph</title>
        {edges.map(e => {
          const a = pos.get(e.a)!;
          const b = pos.get(e.b)!;
          const st = LINK_STYLE[e.state];
          return (
            <line
              key={`${e.a}-${e.b}`}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              stroke={st.stroke}
              strokeWidth={3}
              strokeDasharray={st.dash}
              data-testid="mesh-link"
              data-link={`${e.a}<->${e.b}`}
              data-state={e.state}
            >
              <title>{`${e.a} ↔ ${e.b}: ${e.state}`}</title>
            </line>
          );
        })}
        {nodes.map(n => {
          const href = props.hrefFor(n.name);
          const label = `${n.name}${
            n.clusterId !== undefined ? ` (ID ${n.clusterId})` : ''
          }`;
          const body = (
            <g data-testid="mesh-node" data-cluster={n.name}>
              <circle
                cx={n.x}
                cy={n.y}
                r={22}
                fill={nodeLook(n).fill}
                stroke={nodeLook(n).stroke}
                strokeWidth={2}
              />
              <text
                x={n.x}
                y={n.y + 40}
                textAnchor="middle"
                fontSize={13}
                fill={tone.strong}
                stroke={surface.card}
                strokeWidth={4}
                paintOrder="stroke"
              >
                {label}
              </text>
            </g>
          );
          return href ? (
            // The router's Link: a click navigates inside the app, no reload.
            <Link key={n.name} to={href} aria-label={`Open cluster ${n.name}`}>
              {body}
            </Link>
          ) : (
            <g
              key={n.name}
              aria-label={`Cluster ${n.name} (not in the catalog)`}
            >
              {body}
            </g>
          );
        })}
      </svg>
      <Legend />
    </Flex>
  );
};
