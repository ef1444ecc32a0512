// JMeter as a child process: its stdout read line by line, Ctrl-C turned into JMeter's own clean shutdown
import { spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { createInterface } from "node:readline";
import type { JmeterInstall } from "../jmeter/launch.js";
import { shutdownPort } from "./progress.js";

export interface ProcessResult {
  code: number;
  /** how many times the user interrupted (0: ran to its end) */
  interrupts: number;
}

/** Send JMeter's non-GUI listener a command ("Shutdown" ends after running samples, "StopTestNow" at once). */
export function sendCommand(port: number, command: "Shutdown" | "StopTestNow"): Promise<void> {
  return new Promise((resolve) => {
    const s = createSocket("udp4");
    s.send(command, port, "127.0.0.1", () => {
      s.close();
      resolve();
    });
  });
}

/**
 * Run JMeter with `args`; `onLine` sees every line it prints. JMeter runs in its own process group so a
 * terminal's Ctrl-C reaches only us: the first SIGINT/SIGTERM sends Shutdown (running samples finish, files are
 * closed), the second StopTestNow, the third kills it.
 */
export function runProcess(inst: JmeterInstall, args: string[], cwd: string, onLine: (line: string) => void, note: (l: string) => void): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(inst.command, [...inst.args, ...args], { cwd, env: inst.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let port: number | undefined;
    let interrupts = 0;
    const onSignal = () => {
      interrupts++;
      if (interrupts >= 3 || port === undefined) {
        note(`jmxplan: ${port === undefined ? "JMeter has no shutdown port yet" : "third interrupt"}; killing JMeter`);
        if (child.pid) process.kill(-child.pid, "SIGKILL");
        return;
      }
      const cmd = interrupts === 1 ? "Shutdown" : "StopTestNow";
      note(`jmxplan: interrupted; asking JMeter to ${interrupts === 1 ? "shut down after the running samples (Ctrl-C again: stop now)" : "stop now"}`);
      void sendCommand(port, cmd);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    const lines = (stream: NodeJS.ReadableStream) =>
      createInterface({ input: stream }).on("line", (l) => {
        port ??= shutdownPort(l);
        onLine(l);
      });
    lines(child.stdout);
    lines(child.stderr);
    child.on("error", (e) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      reject(e);
    });
    child.on("exit", (code, signal) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolve({ code: code ?? (signal ? 128 + 9 : 1), interrupts });
    });
  });
}
