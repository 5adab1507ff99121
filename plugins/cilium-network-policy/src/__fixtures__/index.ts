/** Test fixtures: import as `@internal/cilium-network-policy/src/__fixtures__`. */
export { tenantJobsPolicies } from './tenantJobsPolicies';
