// Draws usage buckets with the vendored uPlot for every [data-usage-chart] element, and redraws them every
// few seconds from the page's JSON twin (data-url), so new events show without a reload.
// Every window of the range is drawn (those without usage as 0), so one bar among many is as wide as its
// window; the y axis runs from 0 to a little above the tallest bar. When the API refuses the range, its
// reason is shown in place of the chart. Values arrive as decimal strings and become numbers only to be drawn.
// With a stack-by key the answer carries `groups`: one bar series per value, stacked (each drawn as the
// running sum, the total first, so the later, shorter bars sit in front).
(function () {
  "use strict";
  if (typeof uPlot === "undefined") return;

  var COLOURS = ["#2f5bea", "#e8793a", "#2aa876", "#b64fc8", "#d6b52b", "#e0475b", "#4bb8d9", "#7a7a7a"];

  function grouped(text) {
    var parts = String(text).split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return parts.join(".");
  }

  function slotsOf(body, bucketLists) {
    if (body.slots && body.slots.length) return body.slots;
    var xs = {};
    bucketLists.forEach(function (buckets) {
      buckets.forEach(function (b) { xs[Date.parse(b.start) / 1000] = true; });
    });
    return Object.keys(xs).map(Number).sort(function (a, b) { return a - b; });
  }

  function valuesAt(xs, buckets) {
    var at = {};
    buckets.forEach(function (b) { at[Date.parse(b.start) / 1000] = Number(b.value); });
    return xs.map(function (x) { return at[x] === undefined ? 0 : at[x]; });
  }

  function columns(body) {
    if (!body.groups) {
      var xs = slotsOf(body, [body.buckets]);
      return [xs, valuesAt(xs, body.buckets)];
    }
    var x = slotsOf(body, body.groups.map(function (g) { return g.buckets; }));
    var running = x.map(function () { return 0; });
    var rows = body.groups.map(function (g) {
      var values = valuesAt(x, g.buckets);
      running = running.map(function (v, i) { return v + values[i]; });
      return running.slice();
    });
    return [x].concat(rows.reverse());
  }

  function label(g) {
    return Object.keys(g.group).map(function (k) { return g.group[k] === null ? "(none)" : g.group[k]; }).join(", ");
  }

  function seriesOf(el, body) {
    var bars = uPlot.paths.bars({size: [0.9, Infinity], align: 1});
    var shown = function (u, v) { return v === null ? "—" : grouped(v); };
    if (!body.groups) {
      return [{label: el.getAttribute("data-label") || "value", stroke: COLOURS[0], fill: "rgba(47,91,234,0.35)",
               value: shown, paths: bars, points: {show: false}}];
    }
    return body.groups.map(function (g, i) {
      var colour = COLOURS[i % COLOURS.length];
      return {label: label(g), stroke: colour, fill: colour, value: shown, paths: bars, points: {show: false}};
    }).reverse();
  }

  function chart(el) {
    var total = document.getElementById(el.getAttribute("data-total"));
    var plot = null;
    var message = document.createElement("p");
    message.className = "chart-error";
    message.setAttribute("role", "alert");
    message.hidden = true;
    el.parentNode.insertBefore(message, el.nextSibling);

    function draw(body) {
      message.hidden = true;
      el.hidden = false;
      if (total) total.textContent = body.total === null ? "—" : grouped(body.total);
      el.setAttribute("data-buckets", String(body.buckets.length));
      el.setAttribute("data-start", String(body.start));
      el.setAttribute("data-end", String(body.end));
      el.setAttribute("data-window", body.window);
      var data = columns(body);
      // The tallest bar drawn, for a test to see that usage landed in a window and not beside the chart.
      el.setAttribute("data-drawn-max", String(Math.max.apply(null, [0].concat(data[1]))));
      if (plot && plot.series.length === data.length) { plot.setData(data); return; }
      if (plot) { plot.destroy(); }
      var style = window.getComputedStyle(el);
      var width = (el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)) || 900;
      plot = new uPlot({
        width: width, height: width < 500 ? 220 : 300,
        tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"); },
        scales: {
          x: {time: true, range: function () {
            return [Number(el.getAttribute("data-start")), Number(el.getAttribute("data-end"))];
          }},
          y: {range: function (u, min, max) {
            var low = Math.min(0, min || 0), high = Math.max(0, max || 0);
            return [low, high === low ? low + 1 : high + (high - low) * 0.1];
          }}
        },
        series: [{label: "UTC"}].concat(seriesOf(el, body)),
        axes: [{}, {size: 70, values: function (u, ticks) { return ticks.map(grouped); }}]
      }, data, el);
    }

    function refuse(body) {
      message.textContent = "The chart cannot show this range: " + body.detail +
        (body.errors && body.errors.length ? " — " + body.errors.join("; ") : "");
      message.hidden = false;
      el.hidden = true;
    }

    function load() {
      if (document.hidden) return;
      fetch(el.getAttribute("data-url"), {credentials: "same-origin"})
        .then(function (r) { return r.json().then(function (body) { return {ok: r.ok, body: body}; }); })
        .then(function (answer) { if (answer.ok) draw(answer.body); else refuse(answer.body); })
        .catch(function () { /* the next tick tries again */ });
    }
    load();
    setInterval(load, (Number(el.getAttribute("data-every")) || 5) * 1000);
  }

  document.querySelectorAll("[data-usage-chart]").forEach(chart);
})();
