// Draws a meter's usage buckets with the vendored uPlot and redraws them every few
// seconds from the page's JSON twin, so new events show without a reload.
// Values arrive as decimal strings; they become numbers here only to be drawn.
(function () {
  "use strict";
  var el = document.getElementById("usage-chart");
  if (!el || typeof uPlot === "undefined") return;
  var total = document.getElementById("usage-total");
  var plot = null;

  function columns(buckets) {
    return [buckets.map(function (b) { return Date.parse(b.start) / 1000; }),
            buckets.map(function (b) { return Number(b.value); })];
  }

  function draw(body) {
    if (total) total.textContent = body.total;
    el.setAttribute("data-buckets", String(body.buckets.length));
    el.setAttribute("data-start", String(body.start));
    el.setAttribute("data-end", String(body.end));
    var data = columns(body.buckets);
    if (plot) { plot.setData(data); return; }
    plot = new uPlot({
      width: el.clientWidth || 900, height: 300,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"); },
      scales: {x: {time: true, range: function () {
        return [Number(el.getAttribute("data-start")), Number(el.getAttribute("data-end"))];
      }}},
      series: [{label: "UTC"}, {label: el.getAttribute("data-label") || "value", stroke: "#2f5bea",
                                 fill: "rgba(47,91,234,0.15)", paths: uPlot.paths.bars({size: [0.8, 40], align: 1})}],
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
