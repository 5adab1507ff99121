/**
 * JSON schemas derived from upstream CRDs (openAPIV3Schema), for the custom
 * resources that have no `@kubernetes-models/*` package: Cilium LB-IPAM and
 * BGP (cilium.io/v2) and the OpenTelemetryCollector (opentelemetry.io/v1beta1).
 * Each file's `$comment` names its source and version.
 */
import ciliumBgpAdvertisement from './ciliumbgpadvertisement-v2.json';
import ciliumBgpClusterConfig from './ciliumbgpclusterconfig-v2.json';
import ciliumBgpPeerConfig from './ciliumbgppeerconfig-v2.json';
import ciliumLoadBalancerIPPool from './ciliumloadbalancerippool-v2.json';
import openTelemetryCollector from './opentelemetrycollector-v1beta1.json';

/** Schemas by `<apiVersion>/<kind>`. */
export const crdSchemas: Record<string, object> = {
  'cilium.io/v2/CiliumLoadBalancerIPPool': ciliumLoadBalancerIPPool,
  'cilium.io/v2/CiliumBGPClusterConfig': ciliumBgpClusterConfig,
  'cilium.io/v2/CiliumBGPPeerConfig': ciliumBgpPeerConfig,
  'cilium.io/v2/CiliumBGPAdvertisement': ciliumBgpAdvertisement,
  'opentelemetry.io/v1beta1/OpenTelemetryCollector': openTelemetryCollector,
};
