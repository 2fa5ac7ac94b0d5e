/*
 * Our own small SVG charts: horizontal bars for breakdowns, a line for time series. Each chart is an image for
 * assistive technologies (role="img" with a text alternative); the page always puts the same figures in a table.
 */
"use strict";

window.Charts = (function () {
  const SVG = "http://www.w3.org/2000/svg";

  function el(name, attributes, text) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function svg(width, height, label) {
    const root = el("svg", {
      viewBox: "0 0 " + width + " " + height, width: "100%", role: "img", "aria-label": label,
      preserveAspectRatio: "xMinYMin meet", class: "chart", focusable: "false"
    });
    root.appendChild(el("title", {}, label));
    return root;
  }

  function ellipsis(text, max) {
    return text.length <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least the largest value. */
  function niceMax(max) {
    if (!(max > 0)) {
      return 1;
    }
    const power = Math.pow(10, Math.floor(Math.log10(max)));
    for (const step of [1, 2, 2.5, 5, 10]) {
      if (step * power >= max) {
        return step * power;
      }
    }
    return 10 * power;
  }

  /**
   * Horizontal bars, one per item {label, value, display}: the label and the formatted value on one line, the bar
   * under them. `max` fixes the scale (100 for percentages), otherwise the largest value.
   */
  function bars(items, options) {
    const width = 400;
    const rowHeight = 34;
    const charWidth = 6.4;
    const values = items.map(i => Number(i.value) || 0);
    const max = options.max || Math.max(...values, 0) || 1;
    const root = svg(width, rowHeight * items.length, options.label);
    items.forEach((item, index) => {
      const y = index * rowHeight;
      const group = el("g", { class: "bar" });
      group.appendChild(el("title", {}, item.label + " : " + item.display));
      const labelChars = Math.max(12, Math.floor((width - 12) / charWidth) - item.display.length);
      group.appendChild(el("text", { x: 0, y: y + 13, class: "bar-label" }, ellipsis(item.label, labelChars)));
      group.appendChild(el("text", { x: width, y: y + 13, class: "bar-value", "text-anchor": "end" }, item.display));
      group.appendChild(el("rect", { x: 0, y: y + 18, width: width, height: 10, rx: 2, class: "bar-track" }));
      const length = Math.max(0, Math.min(1, (Number(item.value) || 0) / max)) * width;
      group.appendChild(el("rect", { x: 0, y: y + 18, width: Math.max(length, 1.5), height: 10, rx: 2,
        class: "bar-fill" }));
      root.appendChild(group);
    });
    return root;
  }

  /**
   * A line over the points {label, value, display} of a series; null values leave a gap. `format` writes the
   * axis's values, `unit` (PERCENT) fixes its top at 100.
   */
  function line(points, options) {
    const width = 760;
    const height = 320;
    const margin = { top: 16, right: 20, bottom: 56, left: 70 };
    const plotWidth = width - margin.left - margin.right;
    const plotHeight = height - margin.top - margin.bottom;
    const values = points.map(p => p.value).filter(v => v !== null && v !== undefined).map(Number);
    const top = options.unit === "PERCENT" ? 100 : niceMax(Math.max(...values, 0));
    const root = svg(width, height, options.label);

    const x = index => margin.left + (points.length === 1 ? plotWidth / 2 : index * plotWidth / (points.length - 1));
    const y = value => margin.top + plotHeight - (Number(value) / top) * plotHeight;

    const axes = el("g", { class: "axes", "aria-hidden": "true" });
    for (let i = 0; i <= 4; i++) {
      const tick = top * i / 4;
      axes.appendChild(el("line", { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick),
        class: i === 0 ? "axis-line" : "grid-line" }));
      axes.appendChild(el("text", { x: margin.left - 8, y: y(tick) + 4, class: "axis-label", "text-anchor": "end" },
        options.format(tick)));
    }
    const every = Math.max(1, Math.ceil(points.length / 12));
    points.forEach((p, index) => {
      if (index % every === 0 || index === points.length - 1) {
        const label = el("text", { x: x(index), y: height - margin.bottom + 20, class: "axis-label",
          "text-anchor": "middle" }, p.shortLabel[0]);
        // the year under the first point and wherever it changes, not under every month
        if (p.shortLabel[1] && (index === 0 || points[index - every].shortLabel[1] !== p.shortLabel[1])) {
          label.appendChild(el("tspan", { x: x(index), dy: 16 }, p.shortLabel[1]));
        }
        axes.appendChild(label);
      }
    });
    root.appendChild(axes);

    let path = "";
    let drawing = false;
    points.forEach((p, index) => {
      if (p.value === null || p.value === undefined) {
        drawing = false;
        return;
      }
      path += (drawing ? " L " : " M ") + x(index).toFixed(1) + " " + y(p.value).toFixed(1);
      drawing = true;
    });
    if (path) {
      root.appendChild(el("path", { d: path.trim(), class: "series-line", fill: "none" }));
    }
    points.forEach((p, index) => {
      if (p.value === null || p.value === undefined) {
        return;
      }
      const dot = el("circle", { cx: x(index), cy: y(p.value), r: 4, class: "series-dot" });
      dot.appendChild(el("title", {}, p.label + " : " + p.display));
      root.appendChild(dot);
    });
    return root;
  }

  return { bars, line, niceMax };
})();
