// the worker thread of parallel CSV reading: reads the segments it is sent, answers with their rows
import { parentPort } from "node:worker_threads";
import { buffersOf } from "./rows.js";
import { readSegment, type SegmentTask } from "./segment.js";

parentPort!.on("message", (task: SegmentTask) => {
  try {
    const r = readSegment(task);
    parentPort!.postMessage(r, buffersOf(r.rows));
  } catch (e) {
    parentPort!.postMessage({ id: task.id, error: (e as Error).message });
  }
});
