// drops the content of bulky XML JTL elements (responseData, samplerData ...) before the XML parser sees it,
// keeping only its line breaks so line numbers stay true
const SKIPPED = /<(responseData|samplerData|requestHeader|cookies|queryString|responseFile)(?=[\s>/])[^>]*>/g;
const MAX_HOLD = 1 << 20;

/** Byte filter: what goes in comes out, minus the text inside skipped elements. */
export class SkipFilter {
  private carry: Buffer | undefined;
  /** closing tag being looked for while skipping, e.g. `</responseData>` */
  private closing = "";

  push(chunk: Uint8Array): Buffer[] {
    const c = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buf = this.carry ? Buffer.concat([this.carry, c]) : c;
    this.carry = undefined;
    return this.run(buf, false);
  }

  end(): Buffer[] {
    const buf = this.carry ?? Buffer.alloc(0);
    this.carry = undefined;
    return this.run(buf, true);
  }

  private run(buf: Buffer, final: boolean): Buffer[] {
    const out: Buffer[] = [];
    const text = buf.latin1Slice(0, buf.length);
    let pos = 0;
    while (pos < buf.length) {
      if (this.closing) {
        const k = text.indexOf(this.closing, pos);
        const upto = k >= 0 ? k : final ? buf.length : Math.max(pos, buf.length - this.closing.length);
        out.push(newlines(buf, pos, upto));
        pos = upto;
        if (k < 0) break;
        this.closing = "";
        continue;
      }
      SKIPPED.lastIndex = pos;
      const m = SKIPPED.exec(text);
      if (!m) {
        // hold back a possible start tag cut by the chunk boundary
        const lt = text.lastIndexOf("<");
        const cut = !final && lt >= pos && buf.length - lt < MAX_HOLD && text.indexOf(">", lt) < 0 ? lt : buf.length;
        out.push(buf.subarray(pos, cut));
        pos = cut;
        break;
      }
      const tagEnd = m.index + m[0].length;
      out.push(buf.subarray(pos, tagEnd));
      pos = tagEnd;
      if (!m[0].endsWith("/>")) this.closing = `</${m[1]}>`;
    }
    if (pos < buf.length) this.carry = Buffer.from(buf.subarray(pos));
    return out;
  }
}

function newlines(buf: Buffer, s: number, e: number): Buffer {
  let n = 0;
  for (let i = buf.indexOf(10, s); i >= 0 && i < e; i = buf.indexOf(10, i + 1)) n++;
  return Buffer.alloc(n, 10);
}
