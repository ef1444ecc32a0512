import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinProfiles, loadProfile, parseProfile } from "../../src/lab/index.js";
import { UserError } from "../../src/util/errors.js";

const messageOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof UserError, `expected a UserError, got ${String(e)}`);
    return e.message;
  }
  assert.fail("expected an error");
};

test("every built-in profile is valid and documents itself", async () => {
  for (const name of Object.keys(builtinProfiles)) {
    const p = await loadProfile(name);
    assert.equal(p.name, name);
    assert.ok(p.description.length > 20, `${name} has a description`);
  }
});

test("rates and durations accept readable text", () => {
  const p = parseProfile({
    routes: [{ name: "r", path: "/r", latency: "250ms" }],
    limiters: [
      { name: "a", kind: "tokenBucket", rate: "300/min", burst: 10 },
      { name: "b", kind: "fixedWindow", limit: 5, window: "1m" },
    ],
  });
  const [a, b] = p.limiters;
  assert.equal(a!.kind === "tokenBucket" && a!.rate, 5);
  assert.equal(b!.kind === "fixedWindow" && b!.window, 60_000);
  assert.deepEqual(p.routes[0]!.latency, { kind: "fixed", ms: 250 });
});

test("an invalid profile is reported with every problem and its path", async () => {
  const msg = await messageOf(
    Promise.resolve().then(() =>
      parseProfile(
        {
          routes: [
            { name: "r", path: "no-slash" },
            { name: "r", path: "/x", kind: "websocket", pushEvery: "often" },
          ],
          limiters: [
            { name: "a", kind: "tokenBucket", rate: "fast", burst: 1, routes: ["nope"] },
            { name: "b", kind: "leaky", limit: 1 },
            { name: "c", kind: "fixedWindow", limit: 1, window: "1s", reject: { status: 418 }, extra: 1 },
          ],
        },
        "p.json",
      ),
    ),
  );
  const lines = msg.split("\n");
  for (const want of [
    /^p\.json: routes\[0\]\.path: expected a path like/,
    /^p\.json: routes\[1\]\.pushEvery: expected a duration like "2s".*got "often"/,
    /^p\.json: limiters\[0\]\.rate: expected a rate like "300\/min".*got "fast"/,
    /^p\.json: limiters\[1\]\.kind: /,
    /^p\.json: limiters\[2\]\.reject\.status: /,
    /^p\.json: limiters\[2\]: unknown field "extra"/,
  ]) {
    assert.ok(lines.some((l) => want.test(l)), `missing ${want} in\n${msg}`);
  }
});

test("cross-references are checked: duplicate names and unknown routes", async () => {
  const msg = await messageOf(
    Promise.resolve().then(() =>
      parseProfile({
        routes: [
          { name: "r", path: "/r" },
          { name: "r", path: "/s" },
        ],
        limiters: [{ name: "a", kind: "concurrency", max: 1, routes: ["r", "missing"] }],
      }),
    ),
  );
  assert.match(msg, /routes\[1\]\.name: route name "r" is used twice/);
  assert.match(msg, /limiters\[0\]\.routes\[1\]: no route named "missing"; routes are r/);
});

test("profiles load from JSON and TypeScript files with the same schema", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jmxplan-profile-"));
  try {
    const json = join(dir, "p.json");
    writeFileSync(json, JSON.stringify({ name: "from-json", routes: [{ name: "r", path: "/r" }] }));
    assert.equal((await loadProfile(json)).name, "from-json");
    const ts = join(dir, "p.ts");
    writeFileSync(ts, `const p: { name: string; routes: Array<{ name: string; path: string }> } = { name: "from-ts", routes: [{ name: "r", path: "/r" }] };\nexport default p;\n`);
    assert.equal((await loadProfile(ts)).name, "from-ts");
    const bad = join(dir, "bad.ts");
    writeFileSync(bad, `export default { routes: [{ name: "r", path: "/r", status: 99 }] };\n`);
    assert.match(await messageOf(loadProfile(bad)), /bad\.ts: routes\[0\]\.status: /);
    writeFileSync(join(dir, "broken.json"), "{");
    assert.match(await messageOf(loadProfile(join(dir, "broken.json"))), /broken\.json: not valid JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an unknown profile name lists the built-in ones", async () => {
  assert.match(await messageOf(loadProfile("no-such-profile")), /built-in profiles are genesys-screen-recording, github-secondary, unlimited/);
});
