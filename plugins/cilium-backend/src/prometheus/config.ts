import fs from 'node:fs';
import { Config } from '@backstage/config';

/** How to reach one cluster's Prometheus; from configuration only. */
export interface PrometheusSettings {
  /** Base URL (the API is under `<url>/api/v1/`), no trailing slash. */
  url: string;
  /** Sent as the `Authorization` header (e.g. `Bearer …`); never logged. */
  authorization?: string;
  timeoutMs: number;
  /** Extra CA certificates (PEM) trusted besides the public roots. */
  ca?: string;
  insecureSkipVerify: boolean;
}

/**
 * Reads `cilium.clusters[].prometheus`. A bad block is an error naming the
 * key and the rule.
 */
export function readPrometheusSettings(
  cluster: string,
  block: Config,
  defaultTimeoutMs: number,
): PrometheusSettings {
  const where = `cilium.clusters[${cluster}].prometheus`;
  const raw = block.getString('url');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${where}.url must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${where}.url must be an absolute http(s) URL`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(
      `${where}.url must not carry credentials, a query or a fragment; put credentials in ${where}.authorization`,
    );
  }
  const timeoutMs = block.getOptionalNumber('timeoutMs') ?? defaultTimeoutMs;
  if (!(timeoutMs > 0)) {
    throw new Error(`${where}.timeoutMs must be a positive number`);
  }
  const tls = block.getOptionalConfig('tls');
  const caData = tls?.getOptionalString('caData');
  const caFile = tls?.getOptionalString('caFile');
  let ca: string | undefined = caData;
  if (caFile !== undefined) {
    try {
      ca = [caData, fs.readFileSync(caFile, 'utf8')].filter(Boolean).join('\n');
    } catch (e) {
      throw new Error(
        `${where}.tls.caFile cannot be read: ${
          (e as NodeJS.ErrnoException).code ?? String(e)
        }`,
      );
    }
  }
  return {
    url: url.toString().replace(/\/+$/, ''),
    authorization: block.getOptionalString('authorization'),
    timeoutMs,
    ca,
    insecureSkipVerify: tls?.getOptionalBoolean('insecureSkipVerify') ?? false,
  };
}
