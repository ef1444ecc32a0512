// the lab's library API, exported as "jmxplan/lab"
import { JsonlLog } from "./log.js";
import type { LogRecord } from "./log-record.js";
import { loadProfile, parseProfile } from "./load.js";
import { profile as profileSchema, type Profile, type ProfileInput } from "./profile.js";
import { Lab, type Counts } from "./server.js";

export interface LabOptions {
  /** a built-in profile's name, a profile file, or a profile object @default "unlimited" */
  profile?: string | ProfileInput;
  /** 0 picks a free port @default 0 */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** JSONL log file, written as the lab runs and flushed on stop @default none */
  log?: string;
  /** called with every log record, as it is written */
  onRecord?: (r: LogRecord) => void;
}

export interface LabHandle {
  /** http://127.0.0.1:PORT */
  url: string;
  /** ws://127.0.0.1:PORT */
  wsUrl: string;
  port: number;
  profile: Profile;
  counts(): Counts;
  /** limiter state entries held in memory */
  keysHeld(): number;
  /** write buffered log lines now */
  flush(): void;
  /** close sessions and connections, flush and close the log */
  stop(): Promise<void>;
}

/** Start a lab on loopback; resolves once it listens. */
export async function startLab(opts: LabOptions = {}): Promise<LabHandle> {
  const ref = opts.profile ?? "unlimited";
  const profile = typeof ref === "string" ? await loadProfile(ref) : parseProfile(ref, ref.name ?? "profile");
  const log = new JsonlLog(opts.log, opts.onRecord);
  const lab = new Lab(profile, log);
  const host = opts.host ?? "127.0.0.1";
  let addr;
  try {
    addr = await lab.listen(opts.port ?? 0, host);
  } catch (e) {
    log.close();
    throw e;
  }
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${addr.port}`,
    wsUrl: `ws://${host}:${addr.port}`,
    port: addr.port,
    profile,
    counts: () => lab.counts(),
    keysHeld: () => lab.keysHeld(),
    flush: () => log.flush(),
    stop: () => (stopping ??= lab.stop()),
  };
}

export { profileSchema as profile, parseProfile, loadProfile };
export { defineProfile, type Profile, type ProfileInput, type Route } from "./profile.js";
export { builtinProfiles } from "./profiles/index.js";
export { logRecord, type LogRecord } from "./log-record.js";
export type { Counts } from "./server.js";
export { readLog } from "./read-log.js";
export { nginxConf, startNginx, nginxProfile, type NginxProfile, type NginxHandle } from "./nginx.js";
