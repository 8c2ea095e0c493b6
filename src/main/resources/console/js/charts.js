// Hand-drawn SVG charts (no library): a stacked horizontal bar per row. Colours come from the stylesheet classes;
// each chart has a text alternative (a table next to it), the SVG itself is hidden from screen readers.
import { svg, h } from './dom.js';

/** rows: [{label, parts: [{key, value}]}], keys: [{key, label, cls}] — each bar is 100 % of its row. */
export function stackedBars(rows, keys, { title }) {
  const width = 640;
  const labelW = 190;
  const barH = 26;
  const gap = 12;
  const height = rows.length * (barH + gap) + 8;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', 'aria-hidden': 'true', focusable: 'false' },
    rows.map((r, i) => {
      const y = i * (barH + gap) + 4;
      const total = r.parts.reduce((s, p) => s + p.value, 0) || 1;
      let x = labelW;
      const segments = r.parts.map((p) => {
        const w = ((width - labelW - 8) * p.value) / total;
        const seg = svg('rect', { x, y, width: Math.max(0, w), height: barH, class: `seg ${keys.find((k) => k.key === p.key).cls}` });
        const text = w > 34 ? svg('text', { x: x + w / 2, y: y + barH / 2 + 5, class: 'seg-label', 'text-anchor': 'middle' },
          `${Math.round((p.value / total) * 100)}%`) : null;
        x += w;
        return [seg, text];
      });
      return [svg('text', { x: 0, y: y + barH / 2 + 5, class: 'bar-label' }, r.label), segments];
    }));
  const legend = h('ul', { class: 'legend', 'aria-hidden': 'true' }, keys.map((k) => h('li', null,
    h('span', { class: `swatch ${k.cls}` }), k.label)));
  return h('figure', { class: 'chart-figure' }, h('figcaption', null, title), chart, legend);
}
