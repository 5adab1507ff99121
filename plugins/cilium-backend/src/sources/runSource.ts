import { SourceError, StatusSource } from '@internal/plugin-cilium-common';
import { SourceTimeoutError, toSourceError } from './sourceErrors';
import { TooManyRequestsError } from '../limits/TooManyRequestsError';

export type SourceResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: SourceError };

/**
 * Runs one source's read with its own timeout. The read gets an AbortSignal
 * that fires at the deadline (the HTTP request is cancelled), and the result
 * is settled at the deadline even if the read ignores the signal, so one
 * hung source never holds the document back. A TooManyRequestsError is
 * rethrown: the caller answers 429, not a document with an error.
 */
export async function runSource<T>(
  source: StatusSource,
  timeoutMs: number,
  read: (signal: AbortSignal) => Promise<T>,
): Promise<SourceResult<T>> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new SourceTimeoutError(timeoutMs);
      controller.abort(err);
      reject(err);
    }, timeoutMs);
  });
  try {
    const value = await Promise.race([read(controller.signal), deadline]);
    return { ok: true, value };
  } catch (error) {
    // Refused for load (no Relay stream free): the whole request is 429.
    if (error instanceof TooManyRequestsError) throw error;
    const cause = controller.signal.aborted ? controller.signal.reason : error;
    return { ok: false, error: toSourceError(source, cause) };
  } finally {
    clearTimeout(timer);
  }
}
