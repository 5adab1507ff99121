export { readHubbleRelayConfig } from './config';
export type { HubbleRelayConfig, HubbleRelayTlsConfig } from './config';
export { HubbleRelayClient, HUBBLE_OBSERVER_HEALTH_SERVICE } from './client';
export { HubbleRelayError } from './errors';
export { buildGetFlowsRequest, FLOW_FIELD_MASK } from './flowsRequest';
export { HUBBLE_PROTO_DIR, HUBBLE_PROTO_LOADER_OPTIONS } from './protos';
