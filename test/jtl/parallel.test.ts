// worker threads reading segments of a CSV file give what one pass gives: the same samples in the same order,
// line numbers, problems and layout, whatever the segment size (records with newlines across segment ends,
// a header repeated with other columns, garbage and a cut-off end included)
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { readJtl, type ReadOptions, type Sample } from "../../src/jtl/index.js";
import { CORPUS, HEADER, plain, row } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "jmxplan-parallel-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** segments the last split read used */
let lastSegments: number | undefined;

async function read(path: string, options: ReadOptions): Promise<{ samples: string; stats: unknown } | string> {
  const samples: Sample[] = [];
  try {
    const r = await readJtl(path, options, (s) => samples.push(s));
    const { problems, inputs } = r;
    const i = inputs[0]!;
    lastSegments = i.format === "csv" ? i.segments : -1;
    return { samples: plain(samples), stats: { problems, samples: r.samples, lines: i.lines, csv: i.csv, timestamps: i.timestamps, bytes: i.bytes } };
  } catch (e) {
    return String(e);
  }
}

const oneOf = (path: string) => read(path, { parallel: { workers: 0 } });
const split = (path: string, segmentBytes: number) => read(path, { parallel: { workers: 2, segmentBytes, minBytes: 0 } });

/** a file with every quirk that touches segment ends */
function quirky(n: number): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const t = 1_700_000_000_000 + i * 10;
    if (i % 17 === 3) lines.push(row(t, 5, `"multi\nline ${i}\n, label"`));
    else if (i % 29 === 7) lines.push("garbage,line");
    else if (i === Math.floor(n / 2)) lines.push("timeStamp,elapsed,label,responseCode,threadName,success,retryAfter");
    else if (i > n / 2) lines.push(`${t},${i % 50},L${i % 3},${i % 4 ? 200 : 429},T 1-${i % 5},${i % 4 ? "true" : "false"},${i % 4 ? "" : 2}`);
    else lines.push(row(t, i % 50, `L${i % 3}`, i % 4 ? "200" : "429", `T 1-${i % 5}`, { message: i % 11 ? "OK" : "é€ unicode" }));
  }
  return lines.join(i2eol(n)) + "\n1700000099999,5,cut";
}
const i2eol = (n: number) => (n % 2 ? "\r\n" : "\n");

test("every CSV file of the corpus reads the same in segments of 200 bytes and 4 KiB", async () => {
  const files = readdirSync(CORPUS).filter((f) => !f.endsWith(".xml"));
  for (const f of files) {
    const whole = await oneOf(CORPUS + f);
    for (const seg of [200, 4096]) {
      assert.deepEqual(await split(CORPUS + f, seg), whole, `${f} in segments of ${seg} bytes`);
      if (typeof whole !== "string" && lastSegments !== -1 && statSync(CORPUS + f).size > 2 * seg) assert.ok(lastSegments! > 1, `${f}: read by workers in ${lastSegments} segments`);
    }
  }
});

test("records holding newlines across segment ends, a repeated header with other columns, garbage and a cut-off end, LF and CRLF: the same in any segment size", async () => {
  // 400 rows end in LF, 401 in CRLF, behind a BOM
  for (const [n, name, bom] of [[400, "quirky-lf.jtl", ""], [401, "quirky-crlf.jtl", "\uFEFF"]] as const) {
    const path = join(dir, name);
    writeFileSync(path, bom + quirky(n));
    const whole = await oneOf(path);
    assert.equal(typeof whole, "object", String(whole));
    const w = whole as { samples: string; stats: { problems: object } };
    assert.ok(JSON.parse(w.samples).length > n / 2, name);
    assert.deepEqual(Object.keys(w.stats.problems).sort(), ["field-count", "garbage-line", "repeated-header", "truncated-record", "unknown-column"].filter((k) => k in w.stats.problems).sort());
    await fc.assert(fc.asyncProperty(fc.integer({ min: 16, max: 9000 }), async (seg) => {
      assert.deepEqual(await split(path, seg), whole, `${name} in segments of ${seg} bytes`);
      // segments a record spans are read by the worker that began it, so fewer segments than size / seg emit rows
      assert.ok(lastSegments! > Math.min(100, statSync(path).size / seg / 4), `${lastSegments} segments of ${seg} bytes`);
    }), { numRuns: 8 });
  }
});

test("a file with nothing usable is refused with the one-pass message; small files are read in one pass", async () => {
  const path = join(dir, "nothing.jtl");
  writeFileSync(path, `${HEADER}\n${"garbage\n".repeat(500)}`);
  const whole = await oneOf(path);
  assert.match(String(whole), /no usable sample/);
  assert.equal(await split(path, 100), whole);
});
