// what a sample's outcome means for the analysis: accepted, rejected by a limiter, an error, or a client failure
import type { Sample } from "../jtl/sample.js";

export type Outcome = "accepted" | "rejected" | "error" | "client";

const RATE_TEXT = /rate.?limit|too many requests|too_many_requests|too\.many\.requests|throttl|retry the request/i;

/** a limiter's answer: 429 always; 503 and 403 only with a Retry-After or rate-limit wording */
export function isRejection(s: Sample): boolean {
  if (s.code === "429") return true;
  if (s.code === "503" || s.code === "403") return Number.isFinite(s.retryAfter) || RATE_TEXT.test(s.message) || RATE_TEXT.test(s.failureMessage);
  return false;
}

/** a failure the load generator or network made: a non-HTTP response code */
export function isClientFailure(s: Sample): boolean {
  const c = s.code.trim();
  return /^Non HTTP/i.test(c) || (c !== "" && !/^\d{3,4}$/.test(c));
}

const isCode = (c: string) => (c.length === 3 || c.length === 4) && c.charCodeAt(0) >= 48 && c.charCodeAt(0) <= 57 && c.charCodeAt(1) >= 48 && c.charCodeAt(1) <= 57 && c.charCodeAt(2) >= 48 && c.charCodeAt(2) <= 57;

export function outcome(s: Sample): Outcome {
  const c = s.code;
  // the common case without a regular expression: a plain status code
  if (c === "429") return "rejected";
  if (isCode(c) && c !== "503" && c !== "403") return s.success ? "accepted" : "error";
  if (isRejection(s)) return "rejected";
  if (isClientFailure(s)) return "client";
  return s.success ? "accepted" : "error";
}

/** the exception name in a non-HTTP response code: "java.net.SocketTimeoutException" */
export function exceptionName(s: Sample): string {
  const m = /([\w.$]+(?:Exception|Error))/.exec(s.code) ?? /([\w.$]+(?:Exception|Error))/.exec(s.message);
  return m ? m[1]! : s.code.replace(/^Non HTTP response code:\s*/i, "") || "unknown";
}
