// the HTML report in headless Chromium: no console error, every chart present and non-empty, a screenshot kept
import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { chromium } from "playwright-core";
import { analyzeSamples } from "../../src/analysis/index.js";
import { render } from "../../src/report/render.js";
import { scenarios } from "../analysis/sim/scenarios.js";
import { simulate } from "../analysis/sim/sim.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const ARTIFACTS = resolve("test-artifacts");

describe("HTML report in Chromium", () => {
  it("loads offline with no console error; every chart has drawn lines", { timeout: 120_000 }, async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
    const a = await analyzeSamples(simulate(scenarios.screenRecording.scenario));
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, "analysis-report.html");
    writeFileSync(file, render(a, "html"));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      const requests: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      const charts = await page.$$eval("svg[data-chart]", (svgs) =>
        svgs.map((s) => {
          const box = s.getBoundingClientRect();
          const paths = [...s.querySelectorAll("path")].map((p) => ({ len: (p as unknown as { getTotalLength(): number }).getTotalLength(), d: p.getAttribute("d") ?? "" }));
          return { id: s.getAttribute("data-chart"), w: box.width, h: box.height, paths };
        }),
      );
      assert.deepEqual(charts.map((c) => c.id), ["codes", "threads", "limits", "failures"]);
      for (const c of charts) {
        assert.ok(c.w > 300 && c.h > 80, `${c.id}: ${c.w}x${c.h}`);
        assert.ok(c.paths.length > 0 && c.paths.some((p) => p.len > 100), `${c.id}: no line drawn`);
      }
      const rows = await page.$$eval("#labels-table tbody tr", (r) => r.length);
      assert.equal(rows, a.summary.labels.length);
      await page.screenshot({ path: join(ARTIFACTS, "analysis-report.png"), fullPage: true });
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, []);
    } finally {
      await browser.close();
    }
  });
});
