// the adapters: paths, .gz, "-" for stdin, several files merged by start, errors with codes
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { JtlError, readJtl, type ReadProgress, type Sample } from "../../src/jtl/index.js";
import { CORPUS, HEADER, row } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "jmxplan-jtl-"));
const file = (name: string, data: string | Buffer) => { const p = join(dir, name); writeFileSync(p, data); return p; };

async function all(inputs: Parameters<typeof readJtl>[0], opts: Parameters<typeof readJtl>[1] = {}) {
  const samples: Sample[] = [];
  const stats = await readJtl(inputs, opts, (s) => samples.push(s));
  return { samples, stats };
}

test("a .gz file reads like the file inside it, sniffed by its magic number", async () => {
  const plainFile = CORPUS + "apache__jmeter__HTMLReportTestFile.csv";
  const gz = file("report.csv.gz", gzipSync(readFileSync(plainFile)));
  const a = await all(plainFile);
  const b = await all(gz);
  assert.equal(b.samples.length, 255);
  assert.deepEqual(b.samples.map((s) => s.start), a.samples.map((s) => s.start));
  assert.ok(b.stats.inputs[0]!.bytes < a.stats.inputs[0]!.bytes, "bytes counted are the compressed ones");
});

test("a .gz XML file", async () => {
  const gz = file("sample_log1.jtl.gz", gzipSync(readFileSync(CORPUS + "apache__jmeter__sample_log1.jtl")));
  const { samples, stats } = await all(gz);
  assert.equal(samples.length, 10000);
  assert.equal(stats.inputs[0]!.format, "xml");
});

test("a cut-off .gz is read up to where it stops", async () => {
  const body = `${HEADER}\n${Array.from({ length: 5000 }, (_, i) => row(1_000_000 + i, 5, `L${i % 50}`, "200", `T ${i % 9}`)).join("\n")}\n`;
  const gz = gzipSync(body);
  const p = file("cut.csv.gz", gz.subarray(0, Math.floor(gz.length * 0.7)));
  const { samples, stats } = await all(p);
  assert.ok(samples.length > 1000 && samples.length < 5000, `${samples.length}`);
  assert.equal(stats.problems["truncated-gzip"]?.count, 1);
});

test("a .gz that is not gzip inside is refused", async () => {
  const p = file("bad.gz", Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(64, 7)]));
  await assert.rejects(all(p), (e: unknown) => e instanceof JtlError && e.code === "E_JTL_GZIP" && e.message.startsWith(p));
});

test('"-" reads standard input', async () => {
  const stdin = Readable.from([Buffer.from(`${HEADER}\n${row(1000, 5)}\n`), Buffer.from(`${row(2000, 5)}\n`)]);
  const { samples, stats } = await all("-", { stdin });
  assert.equal(samples.length, 2);
  assert.equal(stats.inputs[0]!.name, "-");
});

test("several files merge in start order, engine = file index, bounded by the reorder window", async () => {
  // each engine writes in completion order: starts go back by up to 40 ms
  const engine = (k: number) => {
    const lines = [HEADER];
    for (let i = 0; i < 300; i++) {
      const el = (i * 37 + k * 11) % 41;
      const end = 1_000_000 + i * 10 + k * 3;
      lines.push(row(end - el, el, "a", "200", `E${k} 1-${i % 5}`));
    }
    return file(`engine${k}.csv`, lines.join("\n") + "\n");
  };
  const paths = [engine(0), engine(1), engine(2)];
  const { samples, stats } = await all(paths, { reorderWindowMs: 100 });
  assert.equal(samples.length, 900);
  for (let i = 1; i < samples.length; i++) assert.ok(samples[i]!.start >= samples[i - 1]!.start, `sorted at ${i}`);
  assert.deepEqual([...new Set(samples.map((s) => s.engine))].sort(), [0, 1, 2]);
  assert.ok(samples.filter((s) => s.engine === 1).every((s) => s.thread.startsWith("E1")));
  assert.equal(stats.problems["out-of-order"], undefined);
  assert.deepEqual(stats.inputs.map((i) => i.samples), [300, 300, 300]);
});

test("a window too small for a file's disorder: late samples still come, counted out-of-order", async () => {
  const chunks = (...rows: string[]) => ({ name: `s${rows.length}`, stream: Readable.from(rows.map((r) => Buffer.from(r + "\n"))) });
  const a = chunks(`${HEADER}\n${row(1000, 5)}`, row(5000, 5), row(2000, 5), row(9000, 5));
  const b = chunks(`${HEADER}\n${row(1500, 5)}`, row(9500, 5));
  const { samples, stats } = await all([a, b], { reorderWindowMs: 0, timestamps: "start" });
  assert.equal(samples.length, 6);
  assert.deepEqual(stats.problems["out-of-order"], { count: 1, lines: [4] });
  assert.deepEqual(samples.map((s) => s.start), [1000, 1500, 5000, 2000, 9000, 9500]);
});

test("one file keeps its file order unless asked for start order", async () => {
  const p = file("order.csv", `${HEADER}\n${row(3000, 5)}\n${row(1000, 5)}\n${row(2000, 5)}\n`);
  assert.deepEqual((await all(p)).samples.map((s) => s.start), [3000, 1000, 2000]);
  assert.deepEqual((await all(p, { order: "start" })).samples.map((s) => s.start), [1000, 2000, 3000]);
});

test("--jmeter-properties: the columns of a header-less file", async () => {
  const props = file("user.properties", "jmeter.save.saveservice.print_field_names=false\njmeter.save.saveservice.url=false\nsample_variables=retryAfter\n");
  const line = "1000,5,a,429,Too Many Requests,T 1-1,text,false,,10,5,1,1,4,0,0,21";
  const p = file("nohead.csv", line + "\n");
  const { samples } = await all(p, { jmeterProperties: props });
  assert.equal(samples[0]!.retryAfter, 21);
  await assert.rejects(all(p, { jmeterProperties: join(dir, "missing.properties") }), (e: unknown) => e instanceof JtlError && e.code === "E_JTL_PROPERTIES");
});

test("unreadable inputs: a JtlError with a stable code naming the file, never another error", async () => {
  const cases: [string, string][] = [
    [join(dir, "nope.jtl"), "E_JTL_OPEN"],
    [dir, "E_JTL_OPEN"],
    [file("empty.jtl", ""), "E_JTL_EMPTY"],
    [file("blank.jtl", "\n\n  \n"), "E_JTL_EMPTY"],
    [file("png.jtl", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), "E_JTL_NO_SAMPLES"],
  ];
  for (const [p, code] of cases) {
    await assert.rejects(all(p), (e: unknown) => {
      assert.ok(e instanceof JtlError, `${p}: ${String(e)}`);
      assert.equal(e.code, code, p);
      assert.equal(e.exitCode, 2);
      assert.ok(e.message.startsWith(p), e.message);
      assert.doesNotMatch(e.message, /\n\s+at /);
      return true;
    });
  }
});

test("one bad file among several fails the read naming that file", async () => {
  const good = file("good.csv", `${HEADER}\n${row(1000, 5)}\n`);
  const bad = file("bad.csv", "not a jtl\n");
  await assert.rejects(all([good, bad]), (e: unknown) => e instanceof JtlError && e.file === bad);
});

test("progress reports bytes and samples, ending at the total", async () => {
  mkdirSync(join(dir, "p"), { recursive: true });
  const p = file("p/progress.csv", `${HEADER}\n${Array.from({ length: 2000 }, (_, i) => row(1000 + i, 5)).join("\n")}\n`);
  const seen: ReadProgress[] = [];
  await readJtl(p, { onProgress: (x) => seen.push(x) }, () => {});
  const last = seen[seen.length - 1]!;
  assert.equal(last.totalBytes, readFileSync(p).length);
  assert.equal(last.bytes, last.totalBytes);
  assert.equal(last.samples, 2000);
});
