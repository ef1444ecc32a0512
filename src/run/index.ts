// `jmxplan run`: build, find JMeter and the plugins, run it non-GUI with the plan's properties, summarise
import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { ensureJmeterHome } from "../jmeter/home.js";
import { groovyWarning, locateJmeter, missingPlugins, type JmeterInstall } from "../jmeter/launch.js";
import { UserError } from "../util/errors.js";
import { prepareInput, type RunInput } from "./input.js";
import { runProcess } from "./process.js";
import { formatProgress, parseSummary } from "./progress.js";
import { formatSummary, summarize } from "./summary.js";

export interface RunOptions {
  input: string;
  /** -J properties from the user; they win over the plan's */
  properties: Record<string, string>;
  /** a JMeter home, or "auto" to assemble one */
  jmeterHome?: string;
  /** where the built .jmx, results.jtl, jmeter.log and jmeter.out go @default results/<plan name> */
  out?: string;
  /** remote engines (host or host:port) for JMeter's distributed mode */
  remote?: string[];
  note?: (line: string) => void;
  print?: (line: string) => void;
}

export interface RunOutcome {
  code: number;
  out: string;
  jtl: string;
  log: string;
  interrupted: boolean;
}

const stem = (file: string) => basename(file).replace(/\.plan\.[cm]?[jt]s$|\.jmx$/, "");
const shown = (p: string) => relative(process.cwd(), p) || p;

async function findJmeter(home?: string): Promise<JmeterInstall> {
  return home === "auto" ? locateJmeter(await ensureJmeterHome()) : locateJmeter(home);
}

function checkPlugins(inst: JmeterInstall, input: RunInput, note: (l: string) => void): void {
  if (!inst.home) {
    if (input.plugins.length) note(`jmxplan: cannot check plugins of ${inst.source}; the plan needs ${input.plugins.map((p) => p.id).join(", ")}`);
    return;
  }
  const missing = missingPlugins(inst.home, input.plugins);
  if (!missing.length) return;
  const lines = missing.map(({ plugin, jars }) => `  ${plugin.id} (Plugins Manager id; Maven ${plugin.maven}): missing ${jars.map((j) => `${j}*.jar`).join(", ")}`);
  throw new UserError(
    `${inst.source} lacks plugins the plan needs:\n${lines.join("\n")}\ninstall them with the Plugins Manager (PluginsManagerCMD.sh install ${missing.map((m) => m.plugin.id).join(",")}), or copy the jars into lib/ext (libraries into lib), or pass --jmeter-home auto`,
    2,
    "E_PLUGINS",
  );
}

function javaMajor(inst: JmeterInstall): number {
  try {
    const java = inst.command.endsWith("java") ? inst.command : "java";
    const out = execFileSync(java, ["-version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return Number(/version "(\d+)/.exec(out)?.[1] ?? 0);
  } catch (e) {
    const err = e as { stderr?: string };
    return Number(/version "(\d+)/.exec(String(err.stderr ?? ""))?.[1] ?? 0);
  }
}

/** the JMeter arguments of a run: the plan's properties, then the user's (local with -J, and -G for remote engines) */
export function jmeterArgs(jmx: string, out: string, props: Record<string, string>, remote?: string[]): string[] {
  // remote engines send samples back in batches by default (StrippedBatch), and a batch being sent while threads
  // still finish (a Throughput Shaping Timer ending the test) fails with a ConcurrentModificationException: the
  // client's JTL then lacks those samples. StrippedAsynch queues them and drains the queue at the end.
  const all = { "summariser.interval": "5", ...(remote?.length ? { mode: "StrippedAsynch" } : {}), ...props };
  const flags = Object.entries(all).map(([k, v]) => `-J${k}=${v}`);
  const remoteFlags = remote?.length ? ["-R", remote.join(","), ...Object.entries(all).map(([k, v]) => `-G${k}=${v}`)] : [];
  return ["-n", "-t", jmx, "-l", join(out, "results.jtl"), "-j", join(out, "jmeter.log"), ...flags, ...remoteFlags];
}

/** Run a plan or .jmx in JMeter non-GUI; resolves to JMeter's exit code (130 when interrupted). */
export async function run(opts: RunOptions): Promise<RunOutcome> {
  const note = opts.note ?? ((l: string) => process.stderr.write(`${l}\n`));
  const print = opts.print ?? ((l: string) => process.stdout.write(`${l}\n`));
  const out = resolve(opts.out ?? join("results", stem(opts.input)));
  mkdirSync(out, { recursive: true });
  const input = await prepareInput(opts.input, out);
  const inst = await findJmeter(opts.jmeterHome);
  checkPlugins(inst, input, note);
  const warn = inst.home ? groovyWarning(inst.home, javaMajor(inst)) : undefined;
  if (warn) note(`jmxplan: warning: ${warn}`);
  const engines = opts.remote?.length ?? 1;
  if (input.engines !== undefined && input.engines !== engines) {
    note(`jmxplan: warning: the plan divides its load over ${input.engines} engine${input.engines > 1 ? "s" : ""} but runs on ${engines}; the total will be ${engines}/${input.engines} of what it says`);
  }
  const jtl = join(out, "results.jtl");
  const log = join(out, "jmeter.log");
  // -l appends to an existing file: a run starts a fresh one
  rmSync(jtl, { force: true });
  rmSync(log, { force: true });
  const props = { ...input.properties, ...opts.properties };
  const args = jmeterArgs(input.jmx, out, props, opts.remote);
  note(`jmxplan: running ${shown(input.jmx)} with ${inst.source}${opts.remote?.length ? ` on ${opts.remote.join(", ")}` : ""}; results in ${shown(out)}`);
  const transcript = createWriteStream(join(out, "jmeter.out"));
  const started = Date.now();
  let total = 0;
  const r = await runProcess(
    inst,
    args,
    out,
    (line) => {
      transcript.write(`${line}\n`);
      const s = parseSummary(line);
      if (s?.kind === "+") {
        total += s.samples;
        note(formatProgress(s, (Date.now() - started) / 1000, total));
      } else if (/^(Error|ERROR|Exception|An error occurred)/.test(line)) note(`jmeter: ${line}`);
    },
    note,
  );
  await new Promise((res) => transcript.end(res));
  const interrupted = r.interrupts > 0;
  if (existsSync(jtl)) print(formatSummary(await summarize(jtl)));
  else note(`jmxplan: JMeter wrote no results; see ${shown(log)} and ${shown(join(out, "jmeter.out"))}`);
  print(`results: ${shown(jtl)}\nlog: ${shown(log)}`);
  if (r.code !== 0 && !interrupted) throw new UserError(`JMeter exited with ${r.code}; see ${shown(log)}`, 1, "E_JMETER");
  return { code: interrupted ? 130 : r.code, out, jtl, log, interrupted };
}
