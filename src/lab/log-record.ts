// the lab's log line: one JSON object per line, every key present, in this order (schema version 1)
import { z } from "zod";

export const logRecord = z.strictObject({
  v: z.literal(1),
  /** request: a plain HTTP request; upgrade: a WebSocket upgrade request (101 when accepted);
   *  close: the end of an accepted session; error: bytes that never became a request */
  event: z.enum(["request", "upgrade", "close", "error"]),
  /** the request's number in arrival order; a close carries its upgrade's id */
  id: z.number().int(),
  /** arrival of the request head (close: the session's open), epoch ms with µs precision */
  t0: z.number(),
  /** the answer's last byte handed to the socket (close: the session's end), epoch ms */
  t1: z.number(),
  method: z.string().nullable(),
  route: z.string().nullable(),
  path: z.string().nullable(),
  /** the tenant header's value (long values as their sha1); null when absent */
  tenant: z.string().nullable(),
  /** accepted or rejected by the limiters; error: never reached them (no route, malformed, too large) */
  decision: z.enum(["accepted", "rejected", "error"]),
  /** the limiter that refused (rejected only) */
  limiter: z.string().nullable(),
  /** the HTTP status sent (101 for an upgrade; the close code for a close; 0 when none was sent) */
  status: z.number().int(),
  /** the advertised Retry-After, seconds; null when none */
  retryAfter: z.number().nullable(),
  /** how long a refusal was held before it was answered, ms */
  heldMs: z.number(),
  /** the client went away before its answer was sent */
  aborted: z.boolean(),
  /** WebSocket messages received and sent in the session (close only) */
  framesIn: z.number().int().nullable(),
  framesOut: z.number().int().nullable(),
  /** what was wrong (error decisions): E_NO_ROUTE, E_UPGRADE_REQUIRED, E_BAD_UPGRADE, E_BODY_TOO_LARGE, E_HEADERS_TOO_LARGE, E_PARSE, E_TIMEOUT */
  error: z.string().nullable(),
});

/** one log line */
export type LogRecord = z.output<typeof logRecord>;

const round = (t: number) => Math.round(t * 1000) / 1000;

/** a complete record from the fields that differ from an accepted plain request */
export function record(r: Partial<LogRecord> & Pick<LogRecord, "event" | "id" | "t0" | "t1" | "decision" | "status">): LogRecord {
  return {
    v: 1,
    event: r.event,
    id: r.id,
    t0: round(r.t0),
    t1: round(r.t1),
    method: r.method ?? null,
    route: r.route ?? null,
    path: r.path ?? null,
    tenant: r.tenant ?? null,
    decision: r.decision,
    limiter: r.limiter ?? null,
    status: r.status,
    retryAfter: r.retryAfter ?? null,
    heldMs: round(r.heldMs ?? 0),
    aborted: r.aborted ?? false,
    framesIn: r.framesIn ?? null,
    framesOut: r.framesOut ?? null,
    error: r.error ?? null,
  };
}
