import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PLUGINS } from "../../src/dsl/node.js";
import { fromHome, groovyWarning, missingPlugins } from "../../src/jmeter/launch.js";

function home(jars: Record<string, string[]>): string {
  const dir = mkdtempSync(join(tmpdir(), "jmxplan-home-"));
  mkdirSync(join(dir, "bin"));
  writeFileSync(join(dir, "bin", "ApacheJMeter.jar"), "");
  for (const [sub, names] of Object.entries(jars)) {
    mkdirSync(join(dir, sub), { recursive: true });
    for (const n of names) writeFileSync(join(dir, sub, n), "");
  }
  return dir;
}

test("missing plugins name the jars that are absent, versions aside", () => {
  const h = home({ lib: ["jmeter-plugins-cmn-jmeter-0.6.jar"], "lib/ext": ["jmeter-plugins-casutg-2.9.jar"] });
  assert.deepEqual(missingPlugins(h, [PLUGINS.casutg, PLUGINS.tst, PLUGINS.websocket]), [
    { plugin: PLUGINS.tst, jars: ["jmeter-plugins-tst"] },
    { plugin: PLUGINS.websocket, jars: ["jmeter-websocket-samplers"] },
  ]);
  // a jar whose name only starts like the plugin's is not it
  const other = home({ "lib/ext": ["jmeter-plugins-tst-extras.jar", "jmeter-plugins-cmn-jmeter.jar"] });
  assert.deepEqual(missingPlugins(other, [PLUGINS.tst]), [{ plugin: PLUGINS.tst, jars: ["jmeter-plugins-tst"] }]);
});

test("a home without the launcher jar is refused; one with it runs through java -jar", () => {
  assert.throws(() => fromHome(mkdtempSync(join(tmpdir(), "jmxplan-empty-"))), /not a JMeter home/);
  const h = home({});
  const j = fromHome(h);
  assert.equal(j.args.at(-1), join(h, "bin", "ApacheJMeter.jar"));
  assert.ok(j.args.includes("-jar"));
});

test("Groovy 3.0.7 on Java 17 is warned about; 3.0.11 or Java 11 is not", () => {
  assert.match(groovyWarning(home({ lib: ["groovy-3.0.7.jar"] }), 17) ?? "", /Unsupported class file major version/);
  assert.equal(groovyWarning(home({ lib: ["groovy-3.0.7.jar"] }), 11), undefined);
  assert.equal(groovyWarning(home({ lib: ["groovy-3.0.11.jar"] }), 21), undefined);
});
