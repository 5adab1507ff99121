/** A series the test server serves: labels and a value at any time. */
export interface SeriesFixture {
  metric: Record<string, string>;
  /** The sample value at `t` (unix seconds); NaN and ±Infinity allowed. */
  value: (t: number) => number;
}

/**
 * Answers for one query text. The server has no PromQL engine: a query
 * is answered by the first rule all of whose `match` strings occur in it
 * (whitespace collapsed), as the product's fixed queries are; any other
 * well-formed query answers an empty result, as Prometheus does for a
 * metric it does not have.
 */
export interface QueryRule {
  match: string[];
  series: SeriesFixture[];
}

/** Failures as Prometheus reports them. */
export type PrometheusFault =
  /** 400, `errorType: bad_data` (what an unparsable query gets). */
  | { kind: 'bad_data'; message?: string; match?: string }
  /** 422, `errorType: execution` (e.g. too many samples). */
  | { kind: 'execution'; message?: string; match?: string }
  /** 503, `errorType: timeout` (`query.timeout` exceeded). */
  | { kind: 'timeout'; match?: string }
  /** Accepts the request and never answers (a hung server). */
  | { kind: 'hang'; match?: string };

export interface ReceivedQuery {
  path: '/api/v1/query' | '/api/v1/query_range';
  method: 'GET' | 'POST';
  params: Record<string, string>;
  authorization?: string;
}
