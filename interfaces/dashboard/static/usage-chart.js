// Draws usage buckets with the vendored uPlot for every [data-usage-chart] element, and redraws them every
// few seconds from the page's JSON twin (data-url), so new events show without a reload.
// Every window of the range is drawn (those without usage as 0), so one bar among many is as wide as its
// window; the y axis runs from 0 to a little above the tallest bar. When the API refuses the range, its
// reason is shown in place of the chart. Values arrive as decimal strings and become numbers only to be drawn.
(function () {
  "use strict";
  if (typeof uPlot === "undefined") return;

  function grouped(text) {
    var parts = String(text).split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return parts.join(".");
  }

  function columns(body) {
    var values = {};
    body.buckets.forEach(function (b) { values[Date.parse(b.start) / 1000] = Number(b.value); });
    var xs = body.slots && body.slots.length ? body.slots : Object.keys(values).map(Number);
    return [xs, xs.map(function (x) { return values[x] === undefined ? 0 : values[x]; })];
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
      if (plot) { plot.setData(data); return; }
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
        series: [{label: "UTC"}, {label: el.getAttribute("data-label") || "value", stroke: "#2f5bea",
                                   fill: "rgba(47,91,234,0.35)", value: function (u, v) { return v === null ? "—" : grouped(v); },
                                   paths: uPlot.paths.bars({size: [0.9, Infinity], align: 1}), points: {show: false}}],
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
