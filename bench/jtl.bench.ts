// npm run bench: the JTL reader and the whole analysis against a csv-parse loop and JMeter's report generator,
// on generated files (bench/data/, reused), each phase in its own process so peak RSS is per phase. The phases
// run the compiled package (dist/, what users run; `npm run bench` builds it first).
// `npm run bench -- --quick` skips the 10M-row file; `--no-jmeter` skips JMeter.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { generate } from "./gen-jtl.js";

const DATA = fileURLToPath(new URL("./data/", import.meta.url));
const SELF = fileURLToPath(import.meta.url);

/** rows read, wall seconds, CPU seconds (user + system, all threads), peak RSS */
interface Result { rows: number; seconds: number; cpuSeconds: number; rssMB: number; note?: string }

type Run = (file: string) => Promise<number>;

/** the phases, each run in a child process by `--phase NAME FILE`; modules load before the clock starts */
const PHASES: Record<string, () => Promise<Run>> = {
  async reader() {
    const { readJtl } = (await import("../dist/jtl/index.js")) as typeof import("../src/jtl/index.js");
    return async (file) => {
      let n = 0;
      await readJtl(file, {}, () => { n++; });
      return n;
    };
  },
  async analysis() {
    const mod = (await import("../dist/analysis/index.js")) as { analyzeFiles?: (p: string[]) => Promise<{ input: { samples: number } }> };
    const analyzeFiles = mod.analyzeFiles;
    if (!analyzeFiles) throw new Error("analysis: not available yet (no analyzeFiles export)");
    return async (file) => (await analyzeFiles([file])).input.samples;
  },
  async "csv-parse"() {
    const { parse } = await import("csv-parse");
    return async (file) => {
      let n = 0;
      for await (const _ of createReadStream(file).pipe(parse({ from_line: 2, relax_column_count: true }))) n++;
      return n;
    };
  },
};

async function phase(name: string, file: string): Promise<void> {
  const run = await PHASES[name]!();
  const t = performance.now();
  const c = process.cpuUsage();
  const rows = await run(file);
  const seconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(c);
  process.stdout.write(JSON.stringify({ rows, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rssMB: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

/** read the file's bytes once (into the page cache, which this VM trims eagerly); seconds taken */
function warm(file: string): number {
  const t = performance.now();
  const fd = openSync(file, "r");
  const buf = Buffer.allocUnsafe(8 << 20);
  try {
    while (readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    closeSync(fd);
  }
  return (performance.now() - t) / 1000;
}

function child(name: string, file: string): Result {
  warm(file);
  const r = spawnSync(process.execPath, ["--import", "tsx", SELF, "--phase", name, file], { encoding: "utf8", maxBuffer: 1 << 24 });
  const last = r.stdout.trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !last.startsWith("{")) return { rows: 0, seconds: NaN, cpuSeconds: NaN, rssMB: NaN, note: (r.stderr.trim().split("\n").find((l) => /not available/.test(l)) ?? r.stderr.trim().split("\n")[0] ?? "failed").replace(/^.*Error: /, "") };
  return JSON.parse(last) as Result;
}

async function jmeter(file: string, rows: number): Promise<Result> {
  let cmd: string;
  let args: string[];
  try {
    const { ensureJmeterHome } = (await import("../src/jmeter/home.js")) as { ensureJmeterHome: (o?: { note?: (l: string) => void }) => Promise<string> };
    const { fromHome } = (await import("../src/jmeter/launch.js")) as { fromHome: (home: string) => { command: string; args: string[] } };
    // the heap bin/jmeter of 5.4.3 gives itself
    process.env.JMXPLAN_HEAP ??= "-Xms1g -Xmx1g -XX:MaxMetaspaceSize=256m";
    const j = fromHome(await ensureJmeterHome({ note: (l) => process.stderr.write(`  ${l}\n`) }));
    cmd = j.command;
    args = j.args;
  } catch (e) {
    return { rows: 0, seconds: NaN, cpuSeconds: NaN, rssMB: NaN, note: `JMeter not available: ${(e as Error).message.split("\n")[0]}` };
  }
  const out = join(DATA, `report-${file.split("/").pop()}`);
  rmSync(out, { recursive: true, force: true });
  const hasTime = existsSync("/usr/bin/time");
  const all = [...(hasTime ? ["-v", cmd] : []), ...args, "-g", file, "-o", out, "-j", join(DATA, "jmeter-report.log")];
  if (hasTime) cmd = "/usr/bin/time";
  const t = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((res) => {
    const p = spawn(cmd, all, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    p.stderr.on("data", (d: Buffer) => { err += d.toString(); });
    p.on("close", (c) => res({ code: c, stderr: err }));
  });
  const seconds = (performance.now() - t) / 1000;
  if (code !== 0) return { rows: 0, seconds: NaN, cpuSeconds: NaN, rssMB: NaN, note: `jmeter -g failed (exit ${code}): ${stderr.split("\n").filter(Boolean).slice(-2).join(" ")}` };
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  const cpu = (what: string) => Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
  return { rows, seconds, cpuSeconds: cpu("User") + cpu("System"), rssMB: kb ? Number(kb) / 1024 : NaN, note: kb ? undefined : "peak RSS not measured (no /usr/bin/time)" };
}

/** a plain byte loop's speed, to tell a quiet machine from a busy one */
function calibrate(): number {
  const b = Buffer.alloc(64 << 20, 44);
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    let n = 0;
    for (let i = 0; i < b.length; i++) if (b[i] === 10) n++;
    best = Math.min(best, ((performance.now() - t) * 1e6) / b.length + n);
  }
  return best;
}

const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d }) : "-");
const rate = (r: Result) => r.rows / r.seconds;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === "--phase") return phase(argv[1]!, argv[2]!);
  const quick = argv.includes("--quick");
  const noJmeter = argv.includes("--no-jmeter");
  const files: { name: string; path: string; rows: number; format: "csv" | "xml" }[] = [
    { name: "CSV 1M rows", path: join(DATA, "csv-1m.jtl"), rows: 1_000_000, format: "csv" },
    ...(quick ? [] : [{ name: "CSV 10M rows", path: join(DATA, "csv-10m.jtl"), rows: 10_000_000, format: "csv" as const }]),
    { name: "XML 200k samples", path: join(DATA, "xml-200k.jtl"), rows: 200_000, format: "xml" },
  ];
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(`machine: ${cpus().length} CPUs, ${cpus()[0]?.model.trim()}, node ${process.version}, load average ${load}`);
  console.log(`calibration: a plain JavaScript byte loop runs at ${calibrate().toFixed(2)} ns/byte here now\n`);
  const results: Record<string, Record<string, Result>> = {};
  for (const f of files) {
    const t = performance.now();
    const size = await generate(f.path, f.rows, f.format);
    console.log(`${f.name}: ${f.path.replace(DATA, "bench/data/")}, ${fmt(size / 1048576)} MiB${performance.now() - t > 1000 ? ` (generated in ${fmt((performance.now() - t) / 1000, 1)} s)` : ""}`);
    const r: Record<string, Result> = {};
    const cold = warm(f.path);
    const hot = warm(f.path);
    console.log(`  reading its bytes: ${fmt(cold, 2)} s the first time, ${fmt(hot, 2)} s from the page cache (each phase below starts with a read like the second)`);
    r.reader = child("reader", f.path);
    r.analysis = child("analysis", f.path);
    if (f.format === "csv") r["csv-parse"] = child("csv-parse", f.path);
    r.jmeter = f.format !== "csv" ? { rows: 0, seconds: NaN, cpuSeconds: NaN, rssMB: NaN, note: "JMeter's report generator reads CSV only" }
      : noJmeter ? { rows: 0, seconds: NaN, cpuSeconds: NaN, rssMB: NaN, note: "skipped (--no-jmeter)" } : (warm(f.path), await jmeter(f.path, f.rows));
    results[f.name] = r;
    for (const [name, x] of Object.entries(r)) {
      const what = { reader: "jmxplan reader", analysis: "jmxplan analysis", "csv-parse": "csv-parse loop", jmeter: "jmeter -g (report)" }[name];
      console.log(`  ${what!.padEnd(20)} ${x.note && !x.rows ? x.note : `${fmt(x.seconds, 2).padStart(7)} s  ${fmt(rate(x)).padStart(11)} rows/s  ${fmt(x.rows / x.cpuSeconds).padStart(11)} rows/CPU-s  peak RSS ${fmt(x.rssMB).padStart(5)} MB${x.note ? `  (${x.note})` : ""}`}`);
    }
    const ratio = (a: Result | undefined, b: Result | undefined, what: string) =>
      a?.rows && b?.rows ? console.log(`  ${what}: ${fmt(rate(a) / rate(b), 1)}x faster (${fmt(b.cpuSeconds / a.cpuSeconds, 1)}x less CPU)`) : undefined;
    ratio(r.reader, r["csv-parse"], "reader vs csv-parse loop");
    ratio(r.analysis, r["csv-parse"], "analysis vs csv-parse loop");
    ratio(r.reader, r.jmeter, "reader vs jmeter -g");
    ratio(r.analysis, r.jmeter, "analysis vs jmeter -g");
    console.log("");
  }
  writeFileSync(join(DATA, "results.json"), JSON.stringify({ load, results }, null, 2) + "\n");
}

await main();
