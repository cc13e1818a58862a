// The progress chart: the job's counts over its elapsed seconds, one line each, drawn into an inline <svg>.

export const SERIES = [
  { key: "sampled", label: "sampled" },
  { key: "unique", label: "unique" },
  { key: "compiled", label: "compiled" },
  { key: "passed_examples", label: "passed examples" },
  { key: "clusters", label: "clusters" },
];

const WIDTH = 760; // the <svg>'s viewBox
const HEIGHT = 180;
const MARGIN = { left: 44, right: 150, top: 10, bottom: 24 };

// The smallest of 1, 2, 5 × 10^k at least `value`: an axis that ends on a round number.
export function roundUp(value) {
  if (!(value > 0)) return 1;
  const scale = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * scale >= value) return step * scale;
  }
  return 10 * scale;
}

// `points`: [{t: seconds, stats: {sampled, ...}}, ...] in time order. An empty chart says `emptyText`.
export function drawChart(svg, points, emptyText) {
  const make = (name, attributes, text) => {
    const element = document.createElementNS(svg.namespaceURI, name); // the <svg>'s own namespace
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    if (text !== undefined) element.textContent = text;
    svg.append(element);
    return element;
  };
  svg.replaceChildren();
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const bottom = MARGIN.top + plotHeight;
  make("rect", { x: MARGIN.left, y: MARGIN.top, width: plotWidth, height: plotHeight, class: "chart-frame" });
  if (points.length < 2) {
    make("text", { x: MARGIN.left + plotWidth / 2, y: MARGIN.top + plotHeight / 2, class: "chart-empty",
      "text-anchor": "middle" }, emptyText);
    return;
  }
  const tMax = Math.max(points[points.length - 1].t, 0.001);
  const yMax = roundUp(Math.max(1, ...points.flatMap((point) => SERIES.map((s) => point.stats[s.key] || 0))));
  const x = (t) => MARGIN.left + (t / tMax) * plotWidth;
  const y = (value) => bottom - (value / yMax) * plotHeight;
  for (const fraction of [0, 0.5, 1]) {
    const value = yMax * fraction;
    make("line", { x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: y(value), y2: y(value), class: "chart-grid" });
    make("text", { x: MARGIN.left - 6, y: y(value) + 4, "text-anchor": "end", class: "chart-axis" },
      Number.isInteger(value) ? value : value.toFixed(1));
  }
  make("text", { x: MARGIN.left, y: HEIGHT - 6, class: "chart-axis" }, "0 s");
  make("text", { x: MARGIN.left + plotWidth, y: HEIGHT - 6, "text-anchor": "end", class: "chart-axis" },
    `${tMax.toFixed(1)} s`);
  SERIES.forEach((series, index) => {
    const coordinates = points.map((point) => `${x(point.t).toFixed(1)},${y(point.stats[series.key] || 0).toFixed(1)}`);
    make("polyline", { points: coordinates.join(" "), class: `chart-line series-${index}` });
    const last = points[points.length - 1].stats[series.key] || 0;
    const legendY = MARGIN.top + 12 + index * 18;
    make("line", { x1: WIDTH - MARGIN.right + 12, x2: WIDTH - MARGIN.right + 28, y1: legendY - 4, y2: legendY - 4,
      class: `chart-line series-${index}` });
    make("text", { x: WIDTH - MARGIN.right + 34, y: legendY, class: "chart-legend" }, `${series.label} ${last}`);
  });
}
