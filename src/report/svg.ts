// inline SVG line charts for the HTML report: no script, no network, one <svg> per chart

export interface Line {
  name: string;
  values: number[];
  /** a CSS colour */
  color: string;
  dashed?: boolean;
}

export interface Chart {
  id: string;
  title: string;
  yLabel: string;
  /** epoch ms of the first point and ms per point */
  t0: number;
  stepMs: number;
  lines: Line[];
}

const W = 880;
const H = 240;
const PAD = { l: 56, r: 16, t: 14, b: 34 };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** One line chart as SVG markup; lines with no points still draw an axis. */
export function lineChart(c: Chart): string {
  const n = Math.max(2, ...c.lines.map((l) => l.values.length));
  const ymax = niceMax(Math.max(0, ...c.lines.flatMap((l) => l.values)));
  const x = (i: number) => PAD.l + ((W - PAD.l - PAD.r) * i) / (n - 1);
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v / ymax);
  const grid: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = (ymax * k) / 4;
    grid.push(`<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/><text x="${PAD.l - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${Number(v.toPrecision(3))}</text>`);
  }
  for (let k = 0; k <= 4; k++) {
    const i = Math.round(((n - 1) * k) / 4);
    grid.push(`<text x="${x(i).toFixed(1)}" y="${H - PAD.b + 16}" text-anchor="middle">${clock(c.t0 + i * c.stepMs)}</text>`);
  }
  const paths = c.lines.map((l) => {
    const d = l.values.map((v, i) => `${i ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)}`).join("");
    return `<path d="${d}" fill="none" stroke="${esc(l.color)}" stroke-width="1.6"${l.dashed ? ' stroke-dasharray="6 4"' : ""}><title>${esc(l.name)}</title></path>`;
  });
  const legend = c.lines.map((l, i) => `<g transform="translate(${PAD.l + 8 + (i % 4) * 205},${PAD.t + 4 + Math.floor(i / 4) * 16})"><rect width="12" height="3" y="5" fill="${esc(l.color)}"/><text x="16" y="10">${esc(l.name.length > 30 ? `${l.name.slice(0, 29)}…` : l.name)}</text></g>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(c.title)}" data-chart="${esc(c.id)}"><g class="axis">${grid.join("")}<text x="14" y="${H / 2}" transform="rotate(-90 14 ${H / 2})" text-anchor="middle">${esc(c.yLabel)}</text></g>${paths.join("")}<g class="legend">${legend.join("")}</g></svg>`;
}

export const PALETTE = ["#2f6fdb", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285", "#c2255c", "#5c940d", "#495057"];

/** a colour per response code class: 2xx/1xx green-blue, 429 orange, 5xx red, others grey */
export function codeColor(code: string, i: number): string {
  if (code === "429") return "#e8590c";
  if (/^5/.test(code)) return "#c92a2a";
  if (/^[12]/.test(code)) return ["#2b8a3e", "#2f6fdb", "#0b7285", "#5c940d"][i % 4]!;
  if (code === "non-HTTP") return "#862e9c";
  return "#868e96";
}
