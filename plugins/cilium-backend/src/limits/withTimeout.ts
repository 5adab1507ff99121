/** Thrown when a dependency (catalog, cache) does not answer in time. */
export class DependencyTimeoutError extends Error {
  constructor(what: string, readonly timeoutMs: number) {
    super(`${what} did not answer within ${timeoutMs} ms`);
    this.name = 'DependencyTimeoutError';
  }
}

/**
 * `promise`, or a DependencyTimeoutError after `timeoutMs`. The work itself
 * is not cancelled (the catalog and cache clients take no signal); the
 * caller just stops waiting, so a stalled dependency never stalls a request.
 */
export function withTimeout<T>(
  promise: Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DependencyTimeoutError(what, timeoutMs)),
      timeoutMs,
    );
  });
  // a late rejection of the abandoned promise must not become unhandled
  promise.catch(() => {});
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
