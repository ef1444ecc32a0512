// --retry-after-column: a thin adapter that renames a CSV header's column to the name the JTL reader takes for Retry-After
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import type { JtlInput } from "../jtl/read.js";
import { UserError } from "../util/errors.js";

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** the header line with column `name` renamed to retryAfter; undefined when the header has no such column */
export function renameColumn(header: string, name: string): string | undefined {
  const re = new RegExp(`(^|[,;\\t|])("?)${escapeRe(name)}\\2(?=[,;\\t|\\r]|$)`);
  if (!re.test(header)) return undefined;
  return header.replace(re, (_m, sep: string, q: string) => `${sep}${q}retryAfter${q}`);
}

/** A reader input whose first line (the CSV header) names column `name` retryAfter; the rest streams through. */
export function withRetryAfterColumn(path: string, name: string): JtlInput {
  async function* stream(): AsyncIterable<Uint8Array> {
    const raw = createReadStream(path);
    const src: AsyncIterable<Buffer> = path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
    let head: Buffer | undefined = Buffer.alloc(0);
    for await (const chunk of src) {
      if (!head) {
        yield chunk;
        continue;
      }
      head = Buffer.concat([head, chunk]);
      const nl = head.indexOf(10);
      if (nl < 0 && head.length < 1 << 20) continue;
      const end = nl < 0 ? head.length : nl;
      const line = head.subarray(0, end).toString("utf8");
      const renamed = renameColumn(line, name);
      if (renamed === undefined) throw new UserError(`${path}: --retry-after-column ${name}: the header has no such column (${line.slice(0, 200)})`, 2, "E_USAGE");
      yield Buffer.concat([Buffer.from(renamed, "utf8"), head.subarray(end)]);
      head = undefined;
    }
    if (head?.length) {
      const renamed = renameColumn(head.toString("utf8"), name);
      if (renamed === undefined) throw new UserError(`${path}: --retry-after-column ${name}: the header has no such column`, 2, "E_USAGE");
      yield Buffer.from(renamed, "utf8");
    }
  }
  return { name: path, stream: stream() };
}
