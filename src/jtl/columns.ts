// JMeter's CSV columns: names in a header, the field each feeds, and the header-less default
/** the Sample field a CSV column feeds */
export const enum F {
  ignore, timeStamp, elapsed, label, responseCode, responseMessage, threadName, dataType, success,
  failureMessage, bytes, sentBytes, grpThreads, allThreads, url, latency, idleTime, connect, retryAfter,
}

/** JMeter 5.4.3's header names in `printableFieldNamesToString` order, with the field each feeds */
export const JMETER_COLUMNS: readonly (readonly [string, F])[] = [
  ["timeStamp", F.timeStamp], ["elapsed", F.elapsed], ["label", F.label], ["responseCode", F.responseCode],
  ["responseMessage", F.responseMessage], ["threadName", F.threadName], ["dataType", F.dataType],
  ["success", F.success], ["failureMessage", F.failureMessage], ["bytes", F.bytes], ["sentBytes", F.sentBytes],
  ["grpThreads", F.grpThreads], ["allThreads", F.allThreads], ["URL", F.url], ["Filename", F.ignore],
  ["Latency", F.latency], ["Encoding", F.ignore], ["SampleCount", F.ignore], ["ErrorCount", F.ignore],
  ["Hostname", F.ignore], ["IdleTime", F.idleTime], ["Connect", F.connect],
];

const byLowerName = new Map(JMETER_COLUMNS.map(([n, f]) => [n.toLowerCase(), f]));

/** JMeter 5.4.3's columns when nothing is configured (`bin/jmeter.properties` as shipped) */
export const DEFAULT_COLUMNS: readonly string[] = [
  "timeStamp", "elapsed", "label", "responseCode", "responseMessage", "threadName", "dataType", "success",
  "failureMessage", "bytes", "sentBytes", "grpThreads", "allThreads", "URL", "Latency", "IdleTime", "Connect",
];

/** true for a JMeter column name (any case) */
export function isJmeterColumn(name: string): boolean {
  return byLowerName.has(name.toLowerCase());
}

/** a sample_variables name that carries Retry-After (retryAfter, retry_after, Retry-After ...) */
export function isRetryAfterName(name: string): boolean {
  return name.toLowerCase().replace(/[^a-z]/g, "") === "retryafter";
}

/** The field a column name feeds, or undefined for a column jmxplan does not know. */
export function fieldOf(name: string): F | undefined {
  const f = byLowerName.get(name.toLowerCase());
  if (f !== undefined) return f;
  return isRetryAfterName(name) ? F.retryAfter : undefined;
}
