// the XML core: samples, sub-results, assertions, response headers, skipped bulk, truncation, no entities
import { test } from "node:test";
import assert from "node:assert/strict";
import { feed } from "./helpers.js";
import { JtlError } from "../../src/jtl/index.js";
import { SkipFilter } from "../../src/jtl/xml-skip.js";

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<testResults version="1.2">\n';

test("httpSample and sample attributes map to the sample fields", () => {
  const xml = `${HEAD}<httpSample t="351" it="2" lt="340" ct="12" ts="1551783627191" s="true" lb="POST /api/orders" rc="200" rm="OK" tn="Thread Group 1-1" dt="text" by="1832" sby="412" ng="10" na="11">
  <java.net.URL>https://example.com/api/orders</java.net.URL>
</httpSample>
<sample t="0" it="0" lt="0" ct="35" ts="1551783627600" s="true" lb="WebSocket Open Connection" rc="101" rm="Switching Protocols" tn="Thread Group 1-1" dt="" by="129" sby="232" ng="10" na="10"/>
</testResults>\n`;
  const { samples, stats } = feed(xml);
  assert.equal(stats.format, "xml");
  assert.equal(samples.length, 2);
  const s = samples[0]!;
  assert.deepEqual([s.start, s.elapsed, s.idle, s.latency, s.connect, s.bytes, s.sentBytes, s.grpThreads, s.allThreads], [1551783627191, 351, 2, 340, 12, 1832, 412, 10, 11]);
  assert.deepEqual([s.label, s.code, s.message, s.thread, s.dataType, s.url, s.success, s.kind, s.line], ["POST /api/orders", "200", "OK", "Thread Group 1-1", "text", "https://example.com/api/orders", true, "sample", 3]);
  assert.equal(samples[1]!.code, "101");
  assert.equal(samples[1]!.line, 6);
  assert.deepEqual(stats.problems, {});
});

test("nested sub-results follow their parent as kind subresult; a Transaction Controller parent is a transaction", () => {
  const xml = `${HEAD}<sample t="30" ts="1000" s="false" lb="Checkout" rc="" rm="Number of samples in transaction : 2, number of failing samples : 1" tn="T 1-1" dt="">
  <httpSample t="10" ts="1000" s="true" lb="GET /cart" rc="302" rm="Found" tn="T 1-1" dt="text">
    <httpSample t="4" ts="1000" s="true" lb="GET /cart-0" rc="302" rm="Found" tn="T 1-1" dt="text"/>
  </httpSample>
  <httpSample t="20" ts="1010" s="false" lb="POST /pay" rc="429" rm="Too Many Requests" tn="T 1-1" dt="text"/>
</sample>
</testResults>`;
  const { samples } = feed(xml);
  assert.deepEqual(samples.map((s) => [s.label, s.kind]), [
    ["Checkout", "transaction"], ["GET /cart", "subresult"], ["GET /cart-0", "subresult"], ["POST /pay", "subresult"],
  ]);
});

test("jmeter-retrier attempts: the -retry parent aggregates, attempts carry retryOf", () => {
  const xml = `${HEAD}<httpSample t="40" ts="1000" s="true" lb="GET /a-retry" rc="200" tn="T 1-1">
  <httpSample t="5" ts="1000" s="false" lb="GET /a" rc="429" tn="T 1-1"/>
  <httpSample t="5" ts="1020" s="true" lb="GET /a-retry1" rc="200" tn="T 1-1"/>
</httpSample>
</testResults>`;
  const { samples } = feed(xml);
  assert.deepEqual(samples.map((s) => [s.label, s.kind, s.retryOf]), [
    ["GET /a-retry", "transaction", undefined], ["GET /a", "subresult", undefined], ["GET /a-retry1", "subresult", "GET /a"],
  ]);
});

test("assertionResult: the first failing assertion's message becomes failureMessage", () => {
  const xml = `${HEAD}<httpSample t="11" ts="1000" s="false" lb="a" rc="200" tn="T">
  <assertionResult><name>OK one</name><failure>false</failure><error>false</error></assertionResult>
  <assertionResult>
    <name>Timeout Check</name>
    <failure>true</failure>
    <error>false</error>
    <failureMessage>The operation lasted too long</failureMessage>
  </assertionResult>
</httpSample>
</testResults>`;
  assert.equal(feed(xml).samples[0]!.failureMessage, "The operation lasted too long");
});

test("responseHeader: Retry-After in seconds and rate-limit headers", () => {
  const xml = `${HEAD}<httpSample t="5" ts="1700000000000" s="false" lb="a" rc="429" rm="Too Many Requests" tn="T">
  <responseHeader class="java.lang.String">HTTP/1.1 429 Too Many Requests
Retry-After: 17
X-RateLimit-Limit: 100
X-RateLimit-Remaining: 0
X-RateLimit-Reset: 1700000030
x-ratelimit-used: 100
x-ratelimit-resource: core
</responseHeader>
</httpSample>
</testResults>`;
  const s = feed(xml).samples[0]!;
  assert.equal(s.retryAfter, 17);
  assert.deepEqual(s.headers, { retryAfter: 17, limit: 100, remaining: 0, resetSeconds: 30, used: 100, scope: "core" });
});

test("responseHeader: Retry-After as an HTTP date counts from the sample's end", () => {
  const ts = Date.UTC(2025, 0, 1, 12, 0, 0) - 500;
  const xml = `${HEAD}<httpSample t="500" ts="${ts}" s="false" lb="a" rc="429" tn="T">
  <responseHeader class="java.lang.String">HTTP/1.1 429 Too Many Requests&#13;
Retry-After: Wed, 01 Jan 2025 12:00:45 GMT&#13;
</responseHeader>
</httpSample>
</testResults>`;
  assert.equal(feed(xml).samples[0]!.retryAfter, 45);
});

test("sample_variables attributes: retryAfter read", () => {
  const xml = `${HEAD}<httpSample t="5" ts="1000" s="false" lb="a" rc="429" tn="T" retryAfter="9" orderId="4"/>\n</testResults>`;
  assert.equal(feed(xml).samples[0]!.retryAfter, 9);
});

test("responseData and other bulky elements never reach the XML parser; line numbers stay true", () => {
  const big = "y".repeat(300_000);
  const xml = `${HEAD}<httpSample t="5" ts="1000" s="true" lb="a" rc="200" tn="T">
  <responseData class="java.lang.String">${big}\n&lt;not a tag&gt; <still not>\n${big}</responseData>
  <queryString class="java.lang.String">${big}</queryString>
  <responseData class="java.lang.String"/>
</httpSample>
<httpSample t="5" ts="2000" s="true" lb="b" rc="200" tn="T"/>
</testResults>`;
  const filter = new SkipFilter();
  const bytes = Buffer.from(xml);
  let passed = 0;
  for (let i = 0; i < bytes.length; i += 4096) for (const b of filter.push(bytes.subarray(i, i + 4096))) passed += b.length;
  for (const b of filter.end()) passed += b.length;
  assert.ok(passed < 1000, `only ${passed} bytes of ${bytes.length} reach the parser`);
  const { samples } = feed(xml, {}, 4096);
  assert.deepEqual(samples.map((s) => [s.label, s.line]), [["a", 3], ["b", 10]]);
});

test("a file cut off before </testResults> is read up to the last complete sample", () => {
  const xml = `${HEAD}<httpSample t="5" ts="1000" s="true" lb="a" rc="200" tn="T"/>
<httpSample t="5" ts="2000" s="true" lb="b" rc="200" tn="T">
  <responseHeader class="java.lang.String">HTTP/1.1 200 OK
Content-Ty`;
  const { samples, stats } = feed(xml);
  assert.deepEqual(samples.map((s) => s.label), ["a"]);
  assert.equal(stats.problems["truncated-xml"]?.count, 1);
});

test("a DOCTYPE (entities, DTD) is refused before anything is expanded", () => {
  const xml = `<?xml version="1.0"?>
<!DOCTYPE testResults [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<testResults version="1.2"><httpSample t="5" ts="1000" s="true" lb="&c;" rc="200" tn="T"/></testResults>`;
  assert.throws(() => feed(xml), (e: unknown) => e instanceof JtlError && e.code === "E_JTL_DOCTYPE" && /^test\.jtl:2: has a DOCTYPE/.test(e.message));
});

test("an undefined entity is not expanded: reading stops there, earlier samples kept", () => {
  const xml = `${HEAD}<httpSample t="5" ts="1000" s="true" lb="a" rc="200" tn="T"/>
<httpSample t="5" ts="2000" s="true" lb="&xxe;" rc="200" tn="T"/>
<httpSample t="5" ts="3000" s="true" lb="c" rc="200" tn="T"/>
</testResults>`;
  const { samples, stats } = feed(xml);
  assert.deepEqual(samples.map((s) => s.label), ["a"]);
  assert.deepEqual(stats.problems["xml-error"], { count: 1, lines: [4] });
  assert.match(stats.xmlError!, /entity/i);
});

test("XML that is not a JTL, or holds no sample, is refused precisely", () => {
  assert.throws(() => feed('<?xml version="1.0"?><project/>'), (e: unknown) => e instanceof JtlError && e.code === "E_JTL_FORMAT" && /<project>; expected .*<testResults>/.test(e.message));
  assert.throws(() => feed(`${HEAD}</testResults>`), (e: unknown) => e instanceof JtlError && e.code === "E_JTL_NO_SAMPLES");
  assert.throws(() => feed(`${HEAD}<httpSample t="5" ts="1`), (e: unknown) => e instanceof JtlError && e.code === "E_JTL_NO_SAMPLES" && /before line 3/.test(e.message));
});

test("s= True/False in any case", () => {
  const xml = `${HEAD}<httpSample t="5" ts="1000" s="True" lb="a" rc="200"/><httpSample t="5" ts="1001" s="FALSE" lb="a" rc="200"/></testResults>`;
  assert.deepEqual(feed(xml).samples.map((s) => s.success), [true, false]);
});
