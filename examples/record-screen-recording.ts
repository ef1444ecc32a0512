// Records examples/screen-recording.jtl: real JMeter 5.4.3 runs plans/screen-recording.jmx against the lab's
// genesys-screen-recording profile on loopback. Run: node --import tsx examples/record-screen-recording.ts
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureJmeterHome } from "../src/jmeter/home.js";
import { fromHome } from "../src/jmeter/launch.js";
import { startLab } from "../src/lab/index.js";

/** small enough to bundle (< 2 MB), long enough to pass 50 -> 100 agents */
export const PROPS = { agents: 100, ramp_steps: 2, rampup: 60, hold: 90, frames: 15, frame_interval_ms: 500, retries: 3, start_jitter_ms: 2000 };

const lab = await startLab({ profile: "genesys-screen-recording", port: 0, log: join(process.cwd(), "examples", "screen-recording.lab.jsonl") });
const dir = mkdtempSync(join(tmpdir(), "jmxplan-example-"));
const jtl = join(dir, "screen-recording.jtl");
try {
  const j = fromHome(await ensureJmeterHome());
  const props = Object.entries({ ...PROPS, port: lab.port, host: "127.0.0.1", results: jtl }).map(([k, v]) => `-J${k}=${v}`);
  const args = [...j.args, "-n", "-t", "plans/screen-recording.jmx", "-j", join(dir, "jmeter.log"), "-Jsample_variables=retryAfter", ...props];
  const code = await new Promise<number>((resolve) => spawn(j.command, args, { stdio: "inherit" }).on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`JMeter exited ${code}; see ${dir}/jmeter.log`);
  copyFileSync(jtl, "examples/screen-recording.jtl");
  process.stdout.write(`wrote examples/screen-recording.jtl (${statSync("examples/screen-recording.jtl").size} bytes); lab counts ${JSON.stringify(lab.counts())}\n`);
} finally {
  await lab.stop();
}
