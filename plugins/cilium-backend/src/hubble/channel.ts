import * as grpc from '@grpc/grpc-js';
import fs from 'node:fs';
import type { HubbleRelayTlsConfig } from './config';
import { caDataToPem, expandHome } from '../config/paths';

/** Plaintext, or TLS with the configured CA / server name / skip-verify. */
export function relayCredentials(
  tls: HubbleRelayTlsConfig | undefined,
): grpc.ChannelCredentials {
  if (!tls?.enabled) return grpc.credentials.createInsecure();
  let ca: Buffer | null = null;
  // the same formats as a Kubernetes cluster's caData / caFile
  if (tls.caData) ca = caDataToPem(tls.caData, 'hubble.tls.caData');
  else if (tls.caFile) ca = fs.readFileSync(expandHome(tls.caFile));
  const verify: grpc.VerifyOptions = {};
  if (tls.insecureSkipVerify) {
    verify.rejectUnauthorized = false;
    verify.checkServerIdentity = () => undefined;
  }
  return grpc.credentials.createSsl(ca, null, null, verify);
}

export function relayChannelOptions(
  tls: HubbleRelayTlsConfig | undefined,
): grpc.ChannelOptions {
  const options: grpc.ChannelOptions = {
    // Flows can be large with many policies attached; the relay's own limit is 4 MiB.
    'grpc.max_receive_message_length': 16 * 1024 * 1024,
  };
  if (tls?.enabled && tls.serverName) {
    options['grpc.ssl_target_name_override'] = tls.serverName;
    options['grpc.default_authority'] = tls.serverName;
  }
  return options;
}
