// Revenue per closed cycle: what was issued, and what each scenario would have brought in,
// drawn with the vendored uPlot. Amounts arrive as decimal strings; they become numbers only to be drawn.
(function () {
  "use strict";
  var el = document.getElementById("simulation-chart");
  if (!el || typeof uPlot === "undefined") return;
  var chart = JSON.parse(el.getAttribute("data-chart"));
  var colours = ["#d9480f", "#2b8a3e", "#862e9c", "#1864ab", "#e67700"];
  var names = Object.keys(chart.scenarios);
  // One tick per closed cycle, labelled with its start: cycles are what is compared, not the time between them.
  var data = [chart.cycles.map(function (c, i) { return i; }),
              chart.cycles.map(function (c) { return Number(chart.issued[c] || 0); })];
  var series = [{label: "cycle start (UTC)"}, {label: "issued", stroke: "#2f5bea", width: 2, points: {show: true}}];
  names.forEach(function (name, i) {
    data.push(chart.cycles.map(function (c) { return Number(chart.scenarios[name][c] || 0); }));
    series.push({label: name, stroke: colours[i % colours.length], width: 2, dash: [6, 4], points: {show: true}});
  });
  var label = function (i) { return chart.cycles[i] ? chart.cycles[i].slice(0, 16).replace("T", " ") : ""; };
  series[0].value = function (u, i) { return i == null ? "--" : label(i); };
  new uPlot({
    width: el.clientWidth || 900, height: 300,
    scales: {x: {time: false, range: [-0.5, chart.cycles.length - 0.5]}, y: {range: function (u, min, max) {
      return [0, max > 0 ? max * 1.1 : 1];
    }}},
    series: series,
    axes: [{incrs: [1], values: function (u, splits) {
      return splits.map(function (i) { return Number.isInteger(i) ? label(i) : ""; });
    }}, {size: 80}]
  }, data, el);
})();
