// decoding fields straight from bytes: numbers without a string, text interned per column
import { isUtf8 } from "node:buffer";

/** The decimal number in b[s, e): NaN when empty or not a number (callers tell the two apart by e > s). */
export function decodeNumber(b: Uint8Array, s: number, e: number): number {
  let i = s;
  let neg = false;
  if (i < e && b[i] === 45) { neg = true; i++; }
  if (i >= e) return NaN;
  let v = 0;
  let c = 0;
  for (; i < e; i++) {
    c = b[i]! - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
  }
  if (i < e) {
    if (b[i] !== 46 || i === s || i + 1 >= e) return NaN;
    let scale = 1;
    for (i++; i < e; i++) {
      c = b[i]! - 48;
      if (c < 0 || c > 9) return NaN;
      scale /= 10;
      v += c * scale;
    }
  }
  return neg ? -v : v;
}

/** true when b[s, e) is `true` in any case */
export function isTrue(b: Uint8Array, s: number, e: number): boolean {
  return e - s === 4 && (b[s]! | 32) === 116 && (b[s + 1]! | 32) === 114 && (b[s + 2]! | 32) === 117 && (b[s + 3]! | 32) === 101;
}

/** true when b[s, e) is `false` in any case */
export function isFalse(b: Uint8Array, s: number, e: number): boolean {
  return e - s === 5 && (b[s]! | 32) === 102 && (b[s + 1]! | 32) === 97 && (b[s + 2]! | 32) === 108 && (b[s + 3]! | 32) === 115 && (b[s + 4]! | 32) === 101;
}

/** true when the n bytes at s of `dv` equal `kept`: four bytes at a time (a DataView read is one load, a byte loop four) */
function same(kept: Entry, dv: DataView, s: number, n: number): boolean {
  if (kept.bytes.length !== n) return false;
  const k4 = kept.dv;
  let k = 0;
  for (; k + 4 <= n; k += 4) if (k4.getUint32(k, true) !== dv.getUint32(s + k, true)) return false;
  for (; k < n; k++) if (k4.getUint8(k) !== dv.getUint8(s + k)) return false;
  return true;
}

interface Entry { bytes: Uint8Array; dv: DataView; str: string; bad: boolean; hash: number; id: number; next: Entry | undefined }

const entry = (bytes: Uint8Array, str: string, bad: boolean, hash: number, id: number, next: Entry | undefined): Entry =>
  ({ bytes, dv: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), str, bad, hash, id, next });

const MAX_ENTRIES = 20_000;
/** the slot table starts small (a column of a few values stays in cache) and doubles up to this */
const MAX_SLOTS = 1 << 15;
const MAX_ENTRY_BYTES = 256;

/**
 * Turns field bytes into strings, returning the same string for the same bytes so a column of a few
 * distinct values costs no allocation per row. Bounded: past 20,000 values (or for long values) it decodes
 * without keeping. `bad` tells whether the last value was not UTF-8 (then it was decoded as Latin-1).
 */
export class Interner {
  private heads: (Entry | undefined)[] = new Array<Entry | undefined>(64).fill(undefined);
  private mask = 63;
  private size = 0;
  private last: Entry = entry(new Uint8Array(0), "", false, 0, 0, undefined);
  /** the kept strings by id; id 0 is "" */
  readonly strs: string[] = [""];
  /** the id of the string the last get returned: an index into strs, -1 when it was not kept */
  id = 0;
  /** the buffer last read, and a view of it */
  private buf: Buffer | undefined;
  private dv: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  bad = false;

  get(b: Buffer, s: number, e: number): string {
    const n = e - s;
    if (n === 0) { this.bad = false; this.id = 0; return ""; }
    if (b !== this.buf) { this.buf = b; this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength); }
    const dv = this.dv;
    const last = this.last;
    if (same(last, dv, s, n)) { this.bad = last.bad; this.id = last.id; return last.str; }
    this.id = -1;
    if (n > MAX_ENTRY_BYTES) return this.decode(b, s, e);
    // a hash of the length and of 4 bytes at each end (and in the middle); equal bytes are checked anyway
    let h = n;
    if (n < 4) {
      for (let i = s; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    } else {
      h = Math.imul(h ^ dv.getInt32(s, true), 0x01000193);
      if (n >= 12) h = Math.imul(h ^ dv.getInt32((s + e) >> 1, true), 0x01000193);
      h = Math.imul(h ^ dv.getInt32(e - 4, true), 0x01000193);
    }
    // murmur3's finaliser: every input bit reaches the low bits the slot is taken from (the multiplications
    // above only carry bits upwards, so a thread name's last digit never reached them)
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const slot = h & this.mask;
    const head = this.heads[slot];
    let en = head;
    let depth = 0;
    while (en !== undefined && (en.hash !== h || !same(en, dv, s, n))) { en = en.next; depth++; }
    if (en === undefined) {
      const str = this.decode(b, s, e);
      if (this.size >= MAX_ENTRIES || depth > 8) return str;
      en = entry(new Uint8Array(b.subarray(s, e)), str, this.bad, h, this.strs.length, head);
      this.strs.push(str);
      this.heads[slot] = en;
      if (++this.size > this.mask >> 1 && this.mask < MAX_SLOTS - 1) this.grow();
    }
    this.last = en;
    this.bad = en.bad;
    this.id = en.id;
    return en.str;
  }

  /** twice the slots, entries rehashed by their kept hash */
  private grow(): void {
    const mask = this.mask * 2 + 1;
    const heads = new Array<Entry | undefined>(mask + 1).fill(undefined);
    for (let en of this.heads) {
      while (en !== undefined) {
        const next = en.next;
        const slot = en.hash & mask;
        en.next = heads[slot];
        heads[slot] = en;
        en = next;
      }
    }
    this.heads = heads;
    this.mask = mask;
  }

  private decode(b: Buffer, s: number, e: number): string {
    let ascii = true;
    for (let i = s; i < e; i++) if (b[i]! > 127) { ascii = false; break; }
    this.bad = false;
    if (ascii) return b.latin1Slice(s, e);
    if (isUtf8(b.subarray(s, e))) return b.utf8Slice(s, e);
    this.bad = true;
    return b.latin1Slice(s, e);
  }
}

declare global {
  interface Buffer {
    latin1Slice(start: number, end: number): string;
    utf8Slice(start: number, end: number): string;
  }
}
