export { endpointNode } from './flowNodes';
export { FlowGraphBuilder, edgeEnds, totalVerdicts } from './FlowGraphBuilder';
export type { GraphFlow } from './FlowGraphBuilder';
