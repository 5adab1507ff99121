import { SourceError, StatusSource } from '@internal/plugin-cilium-common';
import { safeMessage } from '../limits/safeMessage';

/** Thrown when a source does not answer within its budget. */
export class SourceTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
    this.name = 'SourceTimeoutError';
  }
}

/** Node error codes that mean the server could not be reached. */
export const NETWORK_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
];

/** TLS verification failures: reachable, but not trusted. */
const TLS_CODES = [
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
];

/** HTTP status codes of API server answers to reasons. */
const HTTP_REASONS: Record<number, SourceError['reason']> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
};

/** gRPC status names (Hubble Relay) to reasons. */
const GRPC_REASONS: Record<string, SourceError['reason']> = {
  UNAVAILABLE: 'unreachable',
  DEADLINE_EXCEEDED: 'timeout',
  UNIMPLEMENTED: 'unsupported',
  UNAUTHENTICATED: 'unauthorized',
  PERMISSION_DENIED: 'forbidden',
  NOT_FOUND: 'not-found',
};

/** The `message` of a Kubernetes `Status` body, when the body is one. */
function statusMessage(body: unknown): string | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const message = (parsed as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/**
 * Turns whatever a read threw into a SourceError that is safe to show:
 * timeouts, network failures, and API answers by status code. Messages come
 * from the API server's Status or the network error, never from request
 * headers, and are scrubbed of URL credentials and cut to 1 KiB.
 */
export function toSourceError(
  source: StatusSource,
  error: unknown,
): SourceError {
  const out = classify(source, error);
  // Upstream text may hold internal addresses and credentials in URLs.
  return { ...out, message: safeMessage(out.message) };
}

function classify(source: StatusSource, error: unknown): SourceError {
  const e = error as {
    name?: string;
    code?: unknown;
    errno?: unknown;
    body?: unknown;
    message?: string;
    cause?: { code?: unknown };
  };
  if (error instanceof SourceTimeoutError) {
    return { source, reason: 'timeout', message: error.message };
  }
  if (e?.name === 'HubbleRelayError' && typeof e.code === 'string') {
    const reason = (error as { timedOut?: boolean }).timedOut
      ? 'timeout'
      : GRPC_REASONS[e.code] ?? 'error';
    return { source, reason, message: e.message ?? e.code };
  }
  if (typeof e?.code === 'number' && e.code >= 100) {
    const statusCode = e.code;
    const message =
      statusMessage(e.body) ?? `The API server answered ${statusCode}`;
    const reason = HTTP_REASONS[statusCode] ?? 'error';
    return { source, reason, message, statusCode };
  }
  const codes = [e?.code, e?.errno, e?.cause?.code];
  const tlsCode = codes.find(
    c => typeof c === 'string' && TLS_CODES.includes(c),
  );
  if (tlsCode) {
    return {
      source,
      reason: 'unreachable',
      message: `The API server's certificate could not be verified (${tlsCode}): configure caData or caFile for this cluster`,
    };
  }
  const netCode = codes.find(
    c => typeof c === 'string' && NETWORK_CODES.includes(c),
  );
  if (netCode || e?.name === 'FetchError') {
    return {
      source,
      reason: 'unreachable',
      message: `Could not reach the API server: ${
        netCode ?? e?.message ?? 'network error'
      }`,
    };
  }
  return {
    source,
    reason: 'error',
    message: e?.message ?? String(error),
  };
}
