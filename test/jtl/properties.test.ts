// jmeter.properties / user.properties: Java properties syntax and the CSV layout they imply
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseProperties, saveConfigOf } from "../../src/jtl/index.js";

test("Java properties syntax: separators, comments, continuations, escapes", () => {
  const p = parseProperties("# comment\n! also\na=1\nb : 2\nc 3\nlong=x,\\\n    y\nkey\\ with\\ space=v\nu=\\u0041\\t\n");
  assert.deepEqual(Object.fromEntries(p), { a: "1", b: "2", c: "3", long: "x,y", "key with space": "v", u: "A\t" });
});

test("the shipped defaults give JMeter 5.4.3's 17 columns", () => {
  const c = saveConfigOf([]);
  assert.equal(c.columns.length, 17);
  assert.equal(c.delimiter, ",");
  assert.equal(c.header, true);
  assert.equal(c.timestampStart, undefined);
});

test("optional columns in printableFieldNamesToString order", () => {
  const c = saveConfigOf([parseProperties([
    "jmeter.save.saveservice.filename=true", "jmeter.save.saveservice.encoding=true",
    "jmeter.save.saveservice.sample_count=true", "jmeter.save.saveservice.hostname=true",
    "jmeter.save.saveservice.default_delimiter=;", "jmeter.save.saveservice.output_format=xml",
    "jmeter.save.saveservice.timestamp_format=yyyy/MM/dd HH:mm:ss.SSS",
  ].join("\n"))]);
  assert.deepEqual(c.columns.slice(13), ["URL", "Filename", "Latency", "Encoding", "SampleCount", "ErrorCount", "Hostname", "IdleTime", "Connect"]);
  assert.equal(c.delimiter, ";");
  assert.equal(c.format, "xml");
  assert.equal(c.timestampFormat, "yyyy/MM/dd HH:mm:ss.SSS");
});

test("later sources override earlier ones (user.properties over jmeter.properties)", () => {
  const c = saveConfigOf([parseProperties("jmeter.save.saveservice.latency=false\n"), parseProperties("jmeter.save.saveservice.latency=true\nsampleresult.timestamp.start=true\n")]);
  assert.ok(c.columns.includes("Latency"));
  assert.equal(c.timestampStart, true);
});
