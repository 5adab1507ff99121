import type { Config } from '@backstage/config';

export interface HubbleRelayTlsConfig {
  enabled: boolean;
  /** CA bundle: base64 of the PEM (like Kubernetes `caData`), or PEM text. */
  caData?: string;
  /** Path to a PEM CA bundle; `~` is expanded. */
  caFile?: string;
  /** TLS server name to verify, e.g. `*.hubble-relay.cilium.io`. */
  serverName?: string;
  insecureSkipVerify?: boolean;
}

export interface HubbleRelayConfig {
  /** `host:port`, without scheme. */
  address: string;
  tls?: HubbleRelayTlsConfig;
  timeoutMs: number;
}

const TLS_PREFIX = 'tls://';

/**
 * Reads a cluster's `hubble` block:
 * `{ address: 'hubble-relay.kube-system.svc:80' | 'tls://host:443', tls?: {...}, timeoutMs?: number }`.
 * A `tls://` address turns TLS on, like the Hubble CLI's `--server`.
 */
export function readHubbleRelayConfig(
  config: Config,
  defaultTimeoutMs: number,
): HubbleRelayConfig {
  const raw = config.getString('address').trim();
  const schemeTls = raw.startsWith(TLS_PREFIX);
  const address = schemeTls ? raw.slice(TLS_PREFIX.length) : raw;
  if (!/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/.test(address)) {
    throw new Error(
      `Invalid hubble.address '${raw}': expected host:port, optionally prefixed with tls://`,
    );
  }

  const timeoutMs = config.getOptionalNumber('timeoutMs') ?? defaultTimeoutMs;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new Error(
      `Invalid hubble.timeoutMs ${timeoutMs}: expected a positive number of milliseconds`,
    );
  }

  const tlsConfig = config.getOptionalConfig('tls');
  if (!tlsConfig && !schemeTls) return { address, timeoutMs };

  const tls: HubbleRelayTlsConfig = {
    enabled: tlsConfig?.getOptionalBoolean('enabled') ?? true,
  };
  const caData = tlsConfig?.getOptionalString('caData');
  const caFile = tlsConfig?.getOptionalString('caFile');
  const serverName = tlsConfig?.getOptionalString('serverName');
  const insecureSkipVerify =
    tlsConfig?.getOptionalBoolean('insecureSkipVerify');
  if (caData !== undefined) tls.caData = caData;
  if (caFile !== undefined) tls.caFile = caFile;
  if (serverName !== undefined) tls.serverName = serverName;
  if (insecureSkipVerify !== undefined)
    tls.insecureSkipVerify = insecureSkipVerify;
  return { address, tls, timeoutMs };
}
