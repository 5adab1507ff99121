import { ConfigurationOptions, Observable } from '@kubernetes/client-node';

/** client-node's request context, as its middleware sees it. */
type RequestContext = Parameters<
  NonNullable<ConfigurationOptions['middleware']>[number]['pre']
>[0];

/** One LIST page as client-node returns it. */
export interface ListPage {
  items?: any[];
  metadata?: { continue?: string };
}

/** Issues one LIST page request with the given client-node options. */
export type PageRequest = (
  continueToken: string | undefined,
  options: ConfigurationOptions,
) => Promise<ListPage>;

const CONTINUE = /"continue"\s*:\s*"([^"]*)"/;

/**
 * The list's `continue` token, read from the raw page text before it is
 * parsed. List metadata holds no arrays, so it is either before `"items"`
 * (typed lists) or after the last `]` (unstructured lists, keys sorted).
 */
export function peekContinue(text: string): string | undefined {
  const items = text.indexOf('"items"');
  const head = items >= 0 ? text.slice(0, items) : '';
  const tail = text.slice(text.lastIndexOf(']') + 1);
  const m = head.match(CONTINUE) ?? tail.match(CONTINUE);
  return m?.[1] || undefined;
}

/** Prepares a request before it goes out (signal, pooled agent). */
export type PrepareRequest = (ctx: RequestContext) => void;

/** client-node options: the request is prepared; the raw body is peeked. */
function pageOptions(
  prepare: PrepareRequest,
  onContinue: (token: string | undefined) => void,
): ConfigurationOptions {
  return {
    middleware: [
      {
        pre: ctx => {
          prepare(ctx);
          return new Observable(Promise.resolve(ctx));
        },
        post: rc =>
          new Observable(
            (async () => {
              const text = await rc.body.text();
              onContinue(
                rc.httpStatusCode === 200 ? peekContinue(text) : undefined,
              );
              // The body stream is consumed: hand client-node the text.
              (rc as any).body = {
                text: async () => text,
                binary: async () => Buffer.from(text),
              };
              return rc;
            })(),
          ),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}

/**
 * Reads every page of a LIST (`limit` + `continue`), pipelined: the next
 * page is requested as soon as the current page's bytes have arrived, and
 * the current page is parsed and mapped while the API server prepares the
 * next. If the token cannot be peeked, paging falls back to sequential.
 */
export async function listAllPages(
  request: PageRequest,
  prepare: PrepareRequest,
  onPage: (items: any[]) => void,
): Promise<void> {
  const start = (token: string | undefined) => {
    let peeked: string | undefined;
    let resolvePeek!: () => void;
    const peekDone = new Promise<void>(r => {
      resolvePeek = r;
    });
    let next: ReturnType<typeof start> | undefined;
    const page = request(
      token,
      pageOptions(prepare, t => {
        peeked = t;
        if (t) next = start(t);
        resolvePeek();
      }),
    );
    page.catch(() => resolvePeek());
    return { token, page, peekDone, next: () => next, peeked: () => peeked };
  };

  let current: ReturnType<typeof start> | undefined = start(undefined);
  while (current) {
    const page = await current.page;
    onPage(page.items ?? []);
    const token = page.metadata?.continue || undefined;
    await current.peekDone;
    if (!token) {
      current.next()?.page.catch(() => undefined);
      current = undefined;
    } else if (current.peeked() === token && current.next()) {
      current = current.next();
    } else {
      current.next()?.page.catch(() => undefined);
      current = start(token);
    }
  }
}
