/**
 * Types, permissions, annotations and API paths shared by the Cilium
 * frontend and backend plugins. No runtime dependency on Node or React.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './annotations';
export * from './paths';
export * from './types/errors';
export * from './types/gatewayApi';
export * from './types/cilium';
export * from './types/hubble';
export * from './types/flowSummary';
export * from './types/status';
export * from './types/paging';
export * from './types/metrics';
export * from './types/gitLive';
export * from './types/policyReadiness';
export * from './search';
export * from './flowGraph';
export * from './reservedIdentities';
export * from './hubbleJson';
export * from './names';
export * from './clusterEntity';
export * from './specIssues';
export * from './addonDependencies';
