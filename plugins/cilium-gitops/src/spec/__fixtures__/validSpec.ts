import { exampleClusterSpecDocument } from '../example';

/** The example spec (democluster1) as a fresh plain object, for tests. */
export const validSpecDoc = exampleClusterSpecDocument;

/** Values a user might paste where a Secret reference belongs; none may ever be rendered or echoed. */
export const PLANTED_SECRETS = {
  tsig: 'S3cr3t-TSIG-VALUE',
  grafana: 'S3cr3t-GRAFANA-PASSWORD',
  acme: 'S3cr3t-ACME-EAB-HMAC',
  bgp: 'S3cr3t-BGP-MD5',
};
