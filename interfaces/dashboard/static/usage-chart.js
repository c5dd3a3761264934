// Draws a meter's usage buckets with the vendored uPlot and redraws them every few
// seconds from the page's JSON twin, so new events show without a reload.
// Values arrive as decimal strings; they become numbers here only to be drawn. With a stack-by key the
// answer carries `groups`: one bar series per value, stacked (each drawn as the running sum, the total
// first, so the later, shorter bars sit in front).
(function () {
  "use strict";
  var el = document.getElementById("usage-chart");
  if (!el || typeof uPlot === "undefined") return;
  var total = document.getElementById("usage-total");
  var plot = null;

  var COLOURS = ["#2f5bea", "#e8793a", "#2aa876", "#b64fc8", "#d6b52b", "#e0475b", "#4bb8d9", "#7a7a7a"];

  function columns(buckets) {
    return [buckets.map(function (b) { return Date.parse(b.start) / 1000; }),
            buckets.map(function (b) { return Number(b.value); })];
  }

  function stacked(groups) {
    var xs = {};
    groups.forEach(function (g) { g.buckets.forEach(function (b) { xs[Date.parse(b.start) / 1000] = true; }); });
    var x = Object.keys(xs).map(Number).sort(function (a, b) { return a - b; });
    var running = x.map(function () { return 0; });
    var rows = groups.map(function (g) {
      var at = {};
      g.buckets.forEach(function (b) { at[Date.parse(b.start) / 1000] = Number(b.value); });
      running = running.map(function (v, i) { return v + (at[x[i]] || 0); });
      return running.slice();
    });
    return [x].concat(rows.reverse());
  }

  function label(g) {
    return Object.keys(g.group).map(function (k) { return g.group[k] === null ? "(none)" : g.group[k]; }).join(", ");
  }

  function seriesOf(body) {
    var bars = uPlot.paths.bars({size: [0.8, 40], align: 1});
    if (!body.groups) {
      return [{label: el.getAttribute("data-label") || "value", stroke: COLOURS[0], fill: "rgba(47,91,234,0.15)",
               paths: bars}];
    }
    return body.groups.map(function (g, i) {
      var colour = COLOURS[i % COLOURS.length];
      return {label: label(g), stroke: colour, fill: colour, paths: bars};
    }).reverse();
  }

  function draw(body) {
    if (total) total.textContent = body.total;
    el.setAttribute("data-buckets", String(body.buckets.length));
    el.setAttribute("data-start", String(body.start));
    el.setAttribute("data-end", String(body.end));
    var data = body.groups ? stacked(body.groups) : columns(body.buckets);
    if (plot && plot.series.length === data.length) { plot.setData(data); return; }
    if (plot) { plot.destroy(); }
    plot = new uPlot({
      width: el.clientWidth || 900, height: 300,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"); },
      scales: {x: {time: true, range: function () {
        return [Number(el.getAttribute("data-start")), Number(el.getAttribute("data-end"))];
      }}},
      series: [{label: "UTC"}].concat(seriesOf(body)),
      axes: [{}, {size: 70}]
    }, data, el);
  }

  function load() {
    if (document.hidden) return;
    fetch(el.getAttribute("data-url"), {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) { if (body) draw(body); })
      .catch(function () { /* the next tick tries again */ });
  }
  load();
  setInterval(load, (Number(el.getAttribute("data-every")) || 5) * 1000);
})();
