export { readHubbleRelayConfig } from './config';
export type { HubbleRelayConfig, HubbleRelayTlsConfig } from './config';
export { HubbleRelayClient } from './client';
export { HubbleRelayError } from './errors';
