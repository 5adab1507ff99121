import { useApi } from '@backstage/frontend-plugin-api';
import useSWR, { SWRConfiguration } from 'swr';
import { CiliumApi, ciliumApiRef } from '../api/CiliumApi';

/** What a component sees of one request: the one shape every hook returns. */
export interface QueryState<T> {
  /** A request is on its way (the first, a revalidation or a retry). */
  loading: boolean;
  /** The last request failed (no value is shown then). */
  error?: Error;
  value?: T;
  retry: () => void;
}

/** A key part: what tells two requests apart. */
export type KeyPart = string | number | boolean | undefined;

/**
 * The one cache of the Cilium UI is SWR's (https://swr.vercel.app): every
 * answer is kept under its key, components that mount together share one
 * request, and a remount renders the kept answer at once while it
 * revalidates. No revalidation on focus or reconnect, and no automatic
 * retries: the user's "Retry" asks again.
 */
export const SWR_OPTIONS: SWRConfiguration = {
  /** A mount within this long of the last request reuses it without asking. */
  dedupingInterval: 2_000,
  revalidateOnFocus: false,
  revalidateOnReconnect: false,
  shouldRetryOnError: false,
  /** A new key (another range, filter) keeps the old answer on screen while it loads. */
  keepPreviousData: true,
};

const instances = new WeakMap<object, number>();
let nextInstance = 0;

/**
 * Keys carry the API instance they were read with, so two apps (or two
 * tests) never share answers while one app's components always do.
 */
export function instanceOf(api: object): number {
  let id = instances.get(api);
  if (id === undefined) {
    id = ++nextInstance;
    instances.set(api, id);
  }
  return id;
}

/** The SWR key of a request through `api`. */
export const cacheKey = (api: object, key: readonly KeyPart[]) => [
  instanceOf(api),
  ...key,
];

/**
 * One request through `api`, kept in the shared cache under `key`; with
 * `key` null nothing is requested.
 */
export function useApiQuery<A extends object, T>(
  api: A,
  key: readonly KeyPart[] | null,
  load: (api: A) => Promise<T>,
  options?: SWRConfiguration<T>,
): QueryState<T> {
  const { data, error, isValidating, mutate } = useSWR<T, Error>(
    key && cacheKey(api, key),
    () => load(api),
    { ...SWR_OPTIONS, ...options },
  );
  return {
    loading: isValidating,
    error,
    // No key, no value (SWR would keep showing the previous key's answer).
    value: error || !key ? undefined : data,
    retry: () => {
      mutate();
    },
  };
}

/** A request to the Cilium backend (see {@link useApiQuery}). */
export function useCiliumQuery<T>(
  key: readonly KeyPart[] | null,
  load: (api: CiliumApi) => Promise<T>,
  options?: SWRConfiguration<T>,
): QueryState<T> {
  return useApiQuery(
    useApi(ciliumApiRef),
    key && ['cilium', ...key],
    load,
    options,
  );
}
