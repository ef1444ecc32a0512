// XML JTL core: fed byte chunks, no I/O; saxes without DTDs or entity expansion, bulky elements skipped
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { isRetryAfterName } from "./columns.js";
import type { InputStats, JtlCore, SampleSink } from "./core.js";
import { parseRateLimitHeaders, parseRetryAfter } from "./headers.js";
import { isTransactionMessage, makeSample } from "./kind.js";
import { addProblem, JtlError } from "./problems.js";
import type { Sample } from "./sample.js";
import { compileTimestampFormat, parseGenericTimestamp } from "./timestamp.js";
import { SkipFilter } from "./xml-skip.js";

/** Options of the XML core. */
export interface XmlOptions {
  /** "ms" or a SimpleDateFormat pattern for the `ts` attribute @default "ms" */
  timestampFormat?: string;
}

interface Frame {
  attrs: Record<string, string>;
  line: number;
  children: Sample[];
  failureMessage: string;
  headers: string;
  url: string;
}

const MAX_CAPTURE = 64 * 1024;
const KNOWN = new Set(["t", "it", "lt", "ct", "ts", "s", "lb", "rc", "rm", "tn", "dt", "de", "by", "sby", "sc", "ec", "ng", "na", "hn"]);

function n(v: string | undefined): number {
  return v === undefined || v === "" ? NaN : Number(v);
}

/** Reads an XML JTL: one instance per file. */
export class XmlCore implements JtlCore {
  private readonly sax = new SaxesParser({ xmlns: false, position: true });
  private readonly skip = new SkipFilter();
  private readonly decoder = new TextDecoder("utf-8");
  private readonly stack: Frame[] = [];
  private capture: "header" | "url" | "failure" | "" = "";
  private captured = "";
  private inAssertion = false;
  private assertionFailed = false;
  private assertionMessage = "";
  private rootSeen = false;
  private stopped = false;
  private closing = false;
  private readonly parseTs: (text: string) => number;
  private retryAttr: string | undefined;

  constructor(opts: XmlOptions, private readonly stats: InputStats, private readonly emit: SampleSink) {
    const fmt = opts.timestampFormat ?? "ms";
    const p = fmt === "ms" ? undefined : compileTimestampFormat(fmt);
    if (fmt !== "ms" && !p) throw new JtlError("E_JTL_OPTION", stats.name, `timestamp format "${fmt}" uses pattern letters jmxplan cannot read`);
    this.parseTs = p ?? ((t) => { const v = n(t); return v === v ? v : parseGenericTimestamp(t); });
    const sax = this.sax;
    sax.on("doctype", () => {
      throw new JtlError("E_JTL_DOCTYPE", stats.name, "has a DOCTYPE; JMeter never writes one and jmxplan does not expand entities: expected <testResults> right after the XML declaration", sax.line);
    });
    sax.on("opentag", (tag) => this.open(tag as SaxesTagPlain));
    sax.on("closetag", (tag) => this.close(tag.name));
    sax.on("text", (t) => this.text(t));
    sax.on("cdata", (t) => this.text(t));
    sax.on("error", (err) => this.error(err));
  }

  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    for (const piece of this.skip.push(chunk)) this.write(this.decoder.decode(piece, { stream: true }));
  }

  end(): void {
    if (!this.stopped) {
      for (const piece of this.skip.end()) this.write(this.decoder.decode(piece, { stream: true }));
      this.write(this.decoder.decode());
    }
    if (!this.stopped) {
      this.closing = true;
      this.sax.close();
    }
    this.stats.lines = this.sax.line;
    if (this.stats.samples > 0) return;
    const name = this.stats.name;
    if (!this.rootSeen && this.sax.line <= 1 && this.sax.column === 0) throw new JtlError("E_JTL_EMPTY", name, "the file is empty; expected a JMeter CSV or XML result file");
    if (!this.rootSeen) throw new JtlError("E_JTL_FORMAT", name, "is XML without a <testResults> root; expected a JMeter XML result file");
    const p = this.stats.problems["xml-error"] ?? this.stats.problems["truncated-xml"];
    throw new JtlError("E_JTL_NO_SAMPLES", name, p
      ? `no complete <httpSample> or <sample> before line ${p.lines[0]}, where the XML stops being readable`
      : "no <httpSample> or <sample> element in <testResults>");
  }

  private write(text: string): void {
    if (!text || this.stopped) return;
    if (text.includes("\uFFFD")) addProblem(this.stats.problems, "invalid-utf8", this.sax.line);
    this.sax.write(text);
  }

  private error(err: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    const truncated = this.closing;
    addProblem(this.stats.problems, truncated ? "truncated-xml" : "xml-error", this.sax.line);
    if (!truncated) this.stats.xmlError = err.message.replace(/^[^:]*:\d+:\d+: /, "");
  }

  private open(tag: SaxesTagPlain): void {
    if (this.stopped) return;
    const name = tag.name;
    if (!this.rootSeen) {
      this.rootSeen = true;
      if (name !== "testResults") {
        throw new JtlError("E_JTL_FORMAT", this.stats.name, `the XML root is <${name}>; expected a JMeter result file's <testResults>`, this.sax.line);
      }
      return;
    }
    if (name === "httpSample" || name === "sample") {
      this.stack.push({ attrs: tag.attributes, line: this.sax.line, children: [], failureMessage: "", headers: "", url: "" });
      return;
    }
    if (this.stack.length === 0) return;
    if (name === "assertionResult") { this.inAssertion = true; this.assertionFailed = false; this.assertionMessage = ""; }
    else if (name === "responseHeader") this.startCapture("header");
    else if (name === "java.net.URL") this.startCapture("url");
    else if (this.inAssertion && (name === "failure" || name === "error" || name === "failureMessage")) this.startCapture("failure");
  }

  private startCapture(kind: "header" | "url" | "failure"): void {
    this.capture = kind;
    this.captured = "";
  }

  private text(t: string): void {
    if (this.capture && this.captured.length < MAX_CAPTURE) this.captured += t;
  }

  private close(name: string): void {
    if (this.stopped) return;
    const frame = this.stack[this.stack.length - 1];
    if (name === "httpSample" || name === "sample") {
      if (frame) this.finish(this.stack.pop()!);
      return;
    }
    if (!frame) return;
    const text = this.captured;
    if (this.capture === "header" && name === "responseHeader") frame.headers = text;
    else if (this.capture === "url" && name === "java.net.URL") frame.url = text.trim();
    else if (this.capture === "failure") {
      if ((name === "failure" || name === "error") && text.trim() === "true") this.assertionFailed = true;
      if (name === "failureMessage") this.assertionMessage = text;
    } else if (name === "assertionResult") {
      if (this.assertionFailed && !frame.failureMessage) frame.failureMessage = this.assertionMessage;
      this.inAssertion = false;
    }
    this.capture = "";
    this.captured = "";
  }

  private finish(f: Frame): void {
    const a = f.attrs;
    const elapsed = n(a.t);
    const ts = this.parseTs(a.ts ?? "");
    const end = ts + (elapsed === elapsed ? elapsed : 0);
    const headers = f.headers ? parseRateLimitHeaders(f.headers, end) : undefined;
    let retryAfter = headers?.retryAfter ?? NaN;
    if (this.retryAttr === undefined) this.retryAttr = Object.keys(a).find((k) => !KNOWN.has(k) && isRetryAfterName(k)) ?? "";
    const attr = this.retryAttr;
    if (retryAfter !== retryAfter && attr && a[attr]) retryAfter = parseRetryAfter(a[attr]!, end);
    const top = this.stack.length === 0;
    const message = a.rm ?? "";
    const label = a.lb ?? "";
    const kind = !top ? "subresult"
      : isTransactionMessage(message) || (label.endsWith("-retry") && f.children.length > 0) ? "transaction" : "sample";
    const s = makeSample(ts, elapsed, label, a.rc ?? "", message, a.tn ?? "", (a.s ?? "").toLowerCase() === "true",
      f.failureMessage, a.dt ?? "", n(a.by), n(a.sby), n(a.ng), n(a.na), f.url, n(a.lt), n(a.it), n(a.ct), retryAfter,
      headers, kind, this.stats.engine, f.line);
    if (top) {
      this.out(s);
      for (const c of f.children) this.out(c);
    } else {
      const parent = this.stack[this.stack.length - 1]!.children;
      parent.push(s);
      for (const c of f.children) parent.push(c);
    }
  }

  private out(s: Sample): void {
    if (s.start !== s.start) addProblem(this.stats.problems, "no-timestamp", s.line);
    this.stats.samples++;
    this.emit(s);
  }
}
