// the record every JTL reader yields and every analysis folds over: the contract between src/jtl and src/analysis

/** rate-limit headers of a response, where the JTL carried them (XML with response headers) */
export interface RateLimitHeaders {
  /** Retry-After in seconds (an HTTP date is turned into seconds after the sample's end) */
  retryAfter?: number;
  limit?: number;
  remaining?: number;
  used?: number;
  /** seconds until the window resets */
  resetSeconds?: number;
  /** policy or resource name (RateLimit-Policy name, x-ratelimit-resource) */
  scope?: string;
}

/** what a row stands for, so rates are not counted twice */
export type SampleKind =
  /** an ordinary sample */
  | "sample"
  /** a Transaction Controller parent row: it repeats its children's time */
  | "transaction"
  /** a sub-result of another sample (redirects, embedded resources, transaction children in XML) */
  | "subresult";

/** One sample from a JTL file. Numbers absent from the file are NaN; text absent is "". */
export interface Sample {
  /** sample start, epoch ms (already corrected when the file was stamped at sample end) */
  start: number;
  /** elapsed ms */
  elapsed: number;
  label: string;
  /** responseCode as written: "200", "429", "Non HTTP response code: java.net.SocketTimeoutException", "" */
  code: string;
  message: string;
  thread: string;
  success: boolean;
  failureMessage: string;
  dataType: string;
  bytes: number;
  sentBytes: number;
  grpThreads: number;
  allThreads: number;
  url: string;
  latency: number;
  idle: number;
  connect: number;
  /** advertised Retry-After in seconds from the retry-after column or header; NaN when absent */
  retryAfter: number;
  /** rate-limit headers, when the file had response headers */
  headers?: RateLimitHeaders;
  kind: SampleKind;
  /** index of the input file this came from (one file per engine in distributed runs) */
  engine: number;
  /** 1-based line of the record in its file, for messages */
  line: number;
  /** the label this sample retries, for a jmeter-retrier attempt labelled `<label>-retryN` */
  retryOf?: string;
}
