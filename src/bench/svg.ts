/**
 * A log-log line chart as an SVG string: no chart library, just enough axes to read time
 * against placements for a few series.
 */
export type Series = { name: string; color: string; points: { x: number; y: number }[] };

const W = 640;
const H = 400;
const M = { left: 70, right: 180, top: 30, bottom: 50 };

const decades = (min: number, max: number): number[] => {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
  return out;
};

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function logLogChart(title: string, xLabel: string, yLabel: string, series: Series[]): string {
  const points = series.flatMap((s) => s.points).filter((p) => p.x > 0 && p.y > 0);
  if (points.length === 0) return '';
  const xTicks = decades(Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x)));
  const yTicks = decades(Math.min(...points.map((p) => p.y)), Math.max(...points.map((p) => p.y)));
  const [x0, x1] = [Math.log10(xTicks[0] as number), Math.log10(xTicks.at(-1) as number)];
  const [y0, y1] = [Math.log10(yTicks[0] as number), Math.log10(yTicks.at(-1) as number)];
  const sx = (x: number) =>
    M.left + ((Math.log10(x) - x0) / Math.max(1e-9, x1 - x0)) * (W - M.left - M.right);
  const sy = (y: number) =>
    H - M.bottom - ((Math.log10(y) - y0) / Math.max(1e-9, y1 - y0)) * (H - M.top - M.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img">`,
    `<title>${xml(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${M.left}" y="18" font-size="14">${xml(title)}</text>`,
  ];
  for (const t of xTicks) {
    parts.push(
      `<line x1="${sx(t)}" y1="${M.top}" x2="${sx(t)}" y2="${H - M.bottom}" stroke="#ddd"/>`,
      `<text x="${sx(t)}" y="${H - M.bottom + 16}" text-anchor="middle">${t.toLocaleString('en')}</text>`,
    );
  }
  for (const t of yTicks) {
    parts.push(
      `<line x1="${M.left}" y1="${sy(t)}" x2="${W - M.right}" y2="${sy(t)}" stroke="#ddd"/>`,
      `<text x="${M.left - 6}" y="${sy(t) + 4}" text-anchor="end">${t.toLocaleString('en')}</text>`,
    );
  }
  parts.push(
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">${xml(xLabel)}</text>`,
    `<text transform="translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${xml(yLabel)}</text>`,
  );
  series.forEach((s, index) => {
    const pts = s.points.filter((p) => p.x > 0 && p.y > 0).sort((a, b) => a.x - b.x);
    if (pts.length > 1) {
      const d = pts
        .map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`)
        .join(' ');
      parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    }
    for (const p of pts) parts.push(`<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="3" fill="${s.color}"/>`);
    const ly = M.top + 10 + index * 18;
    parts.push(
      `<line x1="${W - M.right + 10}" y1="${ly}" x2="${W - M.right + 30}" y2="${ly}" stroke="${s.color}" stroke-width="2"/>`,
      `<text x="${W - M.right + 36}" y="${ly + 4}">${xml(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
