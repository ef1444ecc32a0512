// the progress bar: only on a terminal, never when quiet, throttled, cleared at the end
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatProgress, progressBar } from "../../src/jtl/index.js";

function fakeStream(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, columns: 80, write: (s: string) => { out.push(s); return true; } } as unknown as NodeJS.WriteStream };
}

test("a bar with bytes, rows/s and time left when stderr is a terminal", () => {
  const { out, stream } = fakeStream(true);
  let now = 0;
  const bar = progressBar({ stream, minBytes: 100, now: () => now });
  now = 1000;
  bar.onProgress({ bytes: 50 * 1048576, totalBytes: 100 * 1048576, samples: 400_000 });
  now = 1100;
  bar.onProgress({ bytes: 60 * 1048576, totalBytes: 100 * 1048576, samples: 450_000 });
  assert.equal(out.length, 1, "throttled to one redraw per interval");
  assert.match(out[0]!, /^\r\[#{15}-{15}\] 50 MiB\/100 MiB {2}400,000 rows\/s {2}0:01 left\x1b\[K$/);
  bar.done();
  assert.equal(out[1], "\r\x1b[K");
});

test("no bar when piped, when quiet, or for small inputs", () => {
  for (const [tty, quiet, total] of [[false, false, 1e9], [true, true, 1e9], [true, false, 1000]] as const) {
    const { out, stream } = fakeStream(tty);
    let now = 0;
    const bar = progressBar({ stream, quiet, now: () => (now += 1000) });
    bar.onProgress({ bytes: total / 2, totalBytes: total, samples: 10 });
    bar.done();
    assert.deepEqual(out, [], `tty=${tty} quiet=${quiet} total=${total}`);
  }
});

test("unknown total (stdin): bytes and rate only", () => {
  assert.equal(formatProgress({ bytes: 200 * 1048576, totalBytes: NaN, samples: 1_000_000 }, 2, 80), "200 MiB  500,000 rows/s");
});
