import { readFileSync } from "node:fs";
import { logRecord, type LogRecord } from "./log-record.js";

/** Every record of a lab log file, each checked against the schema. */
export function readLog(file: string): LogRecord[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => logRecord.parse(JSON.parse(l)));
}
