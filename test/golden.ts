// compares output with a reviewed golden file; UPDATE_GOLDENS=1 (npm test -- --update-goldens) rewrites them
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "golden");
export const updating = process.env.UPDATE_GOLDENS === "1";

/** Assert `actual` equals the golden file at `path` (relative to test/golden unless absolute). */
export function assertGolden(path: string, actual: string): void {
  const file = path.startsWith("/") ? path : join(GOLDEN_DIR, path);
  const shown = relative(process.cwd(), file);
  if (updating) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `${shown} is missing; run npm test -- --update-goldens and review it`);
  assert.equal(actual, readFileSync(file, "utf8"), `${shown} differs; if the change is intended, run npm test -- --update-goldens and review the diff`);
}
