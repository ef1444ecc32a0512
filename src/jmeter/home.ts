// a runnable JMeter 5.4.3 home assembled from Maven Central by jmeter/pom.xml, cached per pom hash
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../util/errors.js";

/** the pom that declares JMeter, its plugins and the home layout; shipped with the package */
export const POM = fileURLToPath(new URL("../../jmeter/pom.xml", import.meta.url));
export const JMETER_VERSION = "5.4.3";
const MARKER = ".jmxplan-home";
const STALE_LOCK_MS = 15 * 60_000;

/** where assembled homes are kept: `$JMXPLAN_CACHE`, else `$XDG_CACHE_HOME/jmxplan`, else `~/.cache/jmxplan` */
export function cacheDir(): string {
  return process.env.JMXPLAN_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "jmxplan");
}

/** the directory the current pom builds into; a changed pom gives a new directory */
export function homeDirFor(pom = POM): string {
  const hash = createHash("sha256").update(readFileSync(pom)).digest("hex").slice(0, 12);
  return join(cacheDir(), `jmeter-${JMETER_VERSION}-${hash}`);
}

const complete = (dir: string) => existsSync(join(dir, MARKER)) && existsSync(join(dir, "bin", "ApacheJMeter.jar"));

export interface EnsureOptions {
  /** one-line progress notes; defaults to stderr */
  note?: (line: string) => void;
  pom?: string;
}

/**
 * Return a JMeter 5.4.3 home with the jmeter-plugins and WebSocket samplers, assembling it with Maven
 * on first use (log in `<cache>/maven-<hash>.log`); concurrent callers wait for one build.
 */
export async function ensureJmeterHome(opts: EnsureOptions = {}): Promise<string> {
  const pom = opts.pom ?? POM;
  const note = opts.note ?? ((l: string) => process.stderr.write(`${l}\n`));
  const home = homeDirFor(pom);
  if (complete(home)) return home;
  mkdirSync(cacheDir(), { recursive: true });
  const lock = `${home}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (complete(home)) return home;
      if (lockAge(lock) > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else await sleep(1000);
    }
  }
  try {
    if (complete(home)) return home;
    await assemble(pom, home, note);
    return home;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockAge(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

async function assemble(pom: string, home: string, note: (l: string) => void): Promise<void> {
  const tmp = `${home}.tmp-${process.pid}`;
  const log = `${home.replace(/jmeter-/, "maven-")}.log`;
  rmSync(tmp, { recursive: true, force: true });
  note(`jmxplan: assembling JMeter ${JMETER_VERSION} and plugins from Maven Central into ${home} (Maven log: ${log})`);
  const started = Date.now();
  const code = await mvn(["-B", "-f", pom, `-Dhome=${tmp}`, "package"], log);
  if (code !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(`${tmp}.target`, { recursive: true, force: true });
    const tail = readFileSync(log, "utf8").split("\n").filter((l) => l.includes("[ERROR]")).slice(0, 3).join("\n");
    throw new UserError(`assembling JMeter with Maven failed (exit ${code}); see ${log}${tail ? `\n${tail}` : ""}`, 2, "E_JMETER_ASSEMBLE");
  }
  rmSync(`${tmp}.target`, { recursive: true, force: true });
  // NewDriver reports a missing lib/junit on every start
  mkdirSync(join(tmp, "lib", "junit"), { recursive: true });
  writeFileSync(join(tmp, MARKER), `assembled by jmxplan from ${pom}\n`);
  rmSync(home, { recursive: true, force: true });
  renameSync(tmp, home);
  note(`jmxplan: JMeter ${JMETER_VERSION} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function mvn(args: string[], log: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.MVN ?? "mvn", ["-l", log, ...args], { stdio: "ignore" });
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(
        e.code === "ENOENT"
          ? new UserError("Maven (mvn) is needed once to assemble JMeter 5.4.3; install it (apt-get install maven) or pass --jmeter-home", 2, "E_NO_MAVEN")
          : e,
      ),
    );
    child.on("exit", (c) => resolve(c ?? 1));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
