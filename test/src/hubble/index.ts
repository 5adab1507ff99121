export { startHubbleRelayTestServer } from './server';
export type {
  FieldMaskSupport,
  HubbleFault,
  HubbleRelayTestServer,
  HubbleRelayTestServerOptions,
  HubbleRpc,
  ReceivedGetFlowsRequest,
} from './server';
export { demoRelayFixtures, DEMO_FLOWS_START } from './fixtures/demoRelay';
export { demoRelayFlows } from './fixtures/demoFlows';
export { meshFlows } from './fixtures/meshFlows';
export type { MeshFlowsOptions } from './fixtures/meshFlows';
export { demoPeers, DEMO_POLICIES } from './fixtures/demoPeers';
export { recentEchoFlows } from './fixtures/echoFlows';
export * as hubbleFixtures from './fixtures/builders';
export type * from './types';
