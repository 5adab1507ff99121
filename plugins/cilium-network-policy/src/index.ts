/**
 * Cilium / Kubernetes network policy model and flow evaluator, zero-trust
 * readiness per namespace, policy proposal and replay. Pure TypeScript: no
 * cluster, no Node or React runtime dependency.
 *
 * @packageDocumentation
 */
export type * from './model/types';
export { policiesFromObjects } from './model/parse';
export { evaluateFlow, evaluateDirection } from './evaluate/evaluateFlow';
export type { EvaluateOptions } from './evaluate/evaluateFlow';
export {
  droppedEdges,
  namespaceFlows,
  namespaceReadiness,
} from './readiness/namespaceReadiness';
export type { ReadinessOptions } from './readiness/namespaceReadiness';
export { proposePolicies } from './propose/proposePolicies';
export { replay } from './propose/replay';
export type * from './propose/manifest';
