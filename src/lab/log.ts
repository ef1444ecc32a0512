import { closeSync, openSync, writeSync } from "node:fs";
import type { LogRecord } from "./log-record.js";

const FLUSH_BYTES = 64 * 1024;
const FLUSH_MS = 100;

/**
 * The JSONL log: lines are buffered up to 64 KiB or 100 ms, then written synchronously, so a slow disk
 * slows the server (backpressure) instead of growing memory, and nothing is lost on a clean exit.
 */
export class JsonlLog {
  private fd: number | undefined;
  private buf: string[] = [];
  private bytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private onExit = () => this.flush();

  constructor(
    file: string | undefined,
    private onRecord?: (r: LogRecord) => void,
  ) {
    if (file) {
      this.fd = openSync(file, "w");
      process.once("exit", this.onExit);
    }
  }

  write(r: LogRecord): void {
    this.onRecord?.(r);
    if (this.fd === undefined) return;
    const line = `${JSON.stringify(r)}\n`;
    this.buf.push(line);
    this.bytes += line.length;
    if (this.bytes >= FLUSH_BYTES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS).unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.fd === undefined || !this.buf.length) return;
    const data = Buffer.from(this.buf.join(""));
    this.buf = [];
    this.bytes = 0;
    for (let off = 0; off < data.length; ) off += writeSync(this.fd, data, off);
  }

  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    process.removeListener("exit", this.onExit);
  }
}
