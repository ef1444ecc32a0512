// load-profile charts: text sparklines for Markdown, SVG for HTML
import { end, peak, valueAt, type Series } from "../profile/index.js";

const BARS = "▁▂▃▄▅▆▇█";

/** a series as a line of block characters, one per equal slice of time (its middle), scaled to its own peak */
export function sparkline(s: Series, until: number, width = 48): string {
  const top = peak(s);
  return Array.from({ length: width }, (_, i) => valueAt(s, (until * (i + 0.5)) / width))
    .map((v) => (top <= 0 ? " " : v <= 0 ? " " : BARS[Math.min(BARS.length - 1, Math.round((v / top) * (BARS.length - 1)))]!))
    .join("");
}

export interface Line {
  label: string;
  series: Series;
  color: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An SVG line chart: time on x, each line scaled to the left axis (`unit`). */
export function svgChart(title: string, unit: string, lines: Line[], until = Math.max(1, ...lines.map((l) => end(l.series)))): string {
  const W = 640;
  const H = 200;
  const pad = { l: 48, r: 12, t: 24, b: 28 };
  const top = Math.max(1e-9, ...lines.map((l) => peak(l.series)));
  const x = (t: number) => pad.l + (t / until) * (W - pad.l - pad.r);
  const y = (v: number) => H - pad.b - (v / top) * (H - pad.t - pad.b);
  const paths = lines.map((l) => `<polyline fill="none" stroke="${l.color}" stroke-width="2" points="${l.series.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(" ")}"><title>${esc(l.label)}</title></polyline>`);
  const legend = lines.map((l, i) => `<text x="${pad.l + 8 + i * 150}" y="16" font-size="11" fill="${l.color}">${esc(l.label)}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}">`,
    `<rect x="${pad.l}" y="${pad.t}" width="${W - pad.l - pad.r}" height="${H - pad.t - pad.b}" fill="none" stroke="#ccc"/>`,
    `<text x="4" y="${pad.t + 8}" font-size="10">${Number(top.toFixed(2))}</text><text x="4" y="${H - pad.b}" font-size="10">0 ${esc(unit)}</text>`,
    `<text x="${pad.l}" y="${H - 8}" font-size="10">0 s</text><text x="${W - pad.r - 40}" y="${H - 8}" font-size="10">${Math.round(until)} s</text>`,
    ...legend,
    ...paths,
    `</svg>`,
  ].join("\n");
}
