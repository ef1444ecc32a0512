import { readFileSync } from "node:fs";
import { startLab, type Counts, type LabHandle } from "../../lab/index.js";
import { nginxProfile, startNginx, type NginxHandle } from "../../lab/nginx.js";
import { builtinProfiles } from "../../lab/profiles/index.js";
import { UserError } from "../../util/errors.js";
import type { Command } from "../command.js";

/** one line of counts: accepted, refusals by limiter, errors, open streams, refusals being held */
export function countsLine(c: Counts): string {
  const refused = Object.entries(c.rejected).map(([name, n]) => `${name} ${n}`);
  return `accepted ${c.accepted} | rejected ${refused.length ? refused.join(", ") : "0"} | errors ${c.errors} | open streams ${c.openStreams} | held ${c.held}`;
}

function readNginxProfile(ref: string) {
  if (ref === "default") return nginxProfile.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(ref, "utf8"));
  } catch (e) {
    throw new UserError(`${ref}: cannot read the nginx profile: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = nginxProfile.safeParse(raw);
  if (r.success) return r.data;
  throw new UserError(r.error.issues.map((i) => `${ref}: ${i.path.join(".") || "(profile)"}: ${i.message}`).join("\n"), 2, "E_PROFILE");
}

const untilSignal = () =>
  new Promise<NodeJS.Signals>((resolve) => {
    const on = (s: NodeJS.Signals) => {
      process.removeListener("SIGINT", on);
      process.removeListener("SIGTERM", on);
      resolve(s);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });

export const lab: Command = {
  command: "lab",
  describe: "serve a local API on 127.0.0.1 that rate-limits like real ones (HTTP + WebSocket), logging every decision",
  builder: (y) =>
    y
      .option("profile", { type: "string", default: "genesys-screen-recording", describe: `a built-in profile (${Object.keys(builtinProfiles).join(", ")}) or a .json / .ts profile file` })
      .option("port", { type: "number", default: 0, describe: "port on 127.0.0.1; 0 picks a free one" })
      .option("log", { type: "string", describe: "write every decision to this JSONL file" })
      .option("nginx", { type: "string", describe: 'also run Debian\'s nginx in front of the lab, from an nginx profile (.json) or "default"' })
      .option("interval", { type: "number", default: 5, describe: "seconds between counts lines when output is not a terminal" }),
  async run(args) {
    const port = args.port as number;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port: expected a port number 0-65535, got ${String(args.port)}`);
    const interval = args.interval as number;
    if (!(interval > 0)) throw new UserError(`--interval: expected a number of seconds > 0, got ${String(args.interval)}`);
    const nginxRef = args.nginx as string | undefined;
    const nginxP = nginxRef === undefined ? undefined : readNginxProfile(nginxRef);
    let handle: LabHandle;
    try {
      handle = await startLab({ profile: args.profile as string, port, log: args.log as string | undefined });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") throw new UserError(`--port ${port}: the port is in use`);
      throw e;
    }
    let nginx: NginxHandle | undefined;
    if (nginxP) {
      try {
        nginx = await startNginx({ upstreamPort: handle.port, profile: nginxP });
      } catch (e) {
        await handle.stop();
        throw e;
      }
    }
    const out = process.stdout;
    out.write(`jmxplan lab: profile ${handle.profile.name} on ${handle.url} (WebSocket ${handle.wsUrl})\n`);
    for (const r of handle.profile.routes) out.write(`  ${r.kind === "websocket" ? "WS  " : r.method.padEnd(4)} ${r.path}  (${r.name})\n`);
    for (const l of handle.profile.limiters) out.write(`  limiter ${l.name}: ${l.kind}, routes ${l.routes === "*" ? "all" : l.routes.join(", ")}\n`);
    out.write(args.log ? `  log: ${String(args.log)}\n` : "  no log (give --log FILE to record every decision)\n");
    if (nginx) out.write(`  nginx in front: ${nginx.url} (conf ${nginx.conf})\n`);
    out.write("stop with Ctrl-C\n");
    const tty = out.isTTY === true;
    const tick = setInterval(
      () => out.write(tty ? `\r\x1b[K${countsLine(handle.counts())}` : `${new Date().toISOString()} ${countsLine(handle.counts())}\n`),
      tty ? 250 : interval * 1000,
    );
    const signal = await untilSignal();
    clearInterval(tick);
    await nginx?.stop();
    await handle.stop();
    out.write(`${tty ? "\r\x1b[K" : ""}${signal}: stopped; ${countsLine(handle.counts())}${args.log ? `; log flushed to ${String(args.log)}` : ""}\n`);
    return 0;
  },
};
