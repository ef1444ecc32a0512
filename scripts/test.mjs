// runs every test/**/*.test.ts with node's test runner; `npm test -- --update-goldens` rewrites goldens,
// `npm test -- PATTERN` runs the test files whose path contains PATTERN
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const env = { ...process.env };
if (args.includes("--update-goldens")) env.UPDATE_GOLDENS = "1";
const patterns = args.filter((a) => !a.startsWith("--"));

function walk(dir) {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".test.ts") ? [p] : [];
  });
}

const files = walk("test").filter((f) => !patterns.length || patterns.some((p) => f.includes(p)));
if (!files.length) {
  console.error(`no test files match ${patterns.join(" ")}`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], { stdio: "inherit", env });
process.exit(r.status ?? 1);
