import { HubbleRelayClient, readHubbleRelayConfig } from '../hubble';
import { HubbleSourceFactory } from '../hubble/HubbleSource';

/** The real Hubble Relay gRPC client for a cluster's `hubble` block. */
export const hubbleRelayFactory: HubbleSourceFactory = (cluster, timeoutMs) =>
  new HubbleRelayClient(readHubbleRelayConfig(cluster.hubble!, timeoutMs));
