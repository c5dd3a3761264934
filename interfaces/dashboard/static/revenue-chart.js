// Revenue charts (revenue.html), drawn with the vendored uPlot: billed per month (issued, paid, void per
// currency) and MRR per product. Amounts arrive as decimal strings; they become numbers only to be drawn.
(function () {
  "use strict";
  if (typeof uPlot === "undefined") return;
  var colours = ["#2f5bea", "#2b8a3e", "#d9480f", "#862e9c", "#e67700", "#1864ab", "#5c940d"];
  function draw(el, lines) {
    var chart = JSON.parse(el.getAttribute("data-chart"));
    var months = chart.months;
    var data = [months.map(function (m, i) { return i; })];
    var series = [{label: "month", value: function (u, i) { return i == null ? "--" : months[i]; }}];
    lines(chart.series).forEach(function (line, i) {
      data.push(months.map(function (m) { return Number(line.values[m] || 0); }));
      series.push({label: line.label, stroke: colours[i % colours.length], width: 2, points: {show: true}});
    });
    new uPlot({
      width: el.clientWidth || 900, height: 260,
      scales: {x: {time: false, range: [-0.5, months.length - 0.5]}, y: {range: function (u, min, max) {
        return [0, max > 0 ? max * 1.1 : 1];
      }}},
      series: series,
      // A tick per month, labelled every month that fits (every third on a phone).
      axes: [{splits: function () { return months.map(function (m, i) { return i; }); },
              values: function (u, splits) {
                var every = Math.max(1, Math.ceil(months.length * 64 / Math.max(u.width, 1)));
                return splits.map(function (i) { return i % every === 0 && months[i] ? months[i] : ""; });
              }}, {size: 70}]
    }, data, el);
  }
  var billed = document.getElementById("revenue-billed-chart");
  if (billed) draw(billed, function (byCurrency) {
    var lines = [];
    Object.keys(byCurrency).sort().forEach(function (currency) {
      ["issued", "paid", "void"].forEach(function (status) {
        var values = {};
        Object.keys(byCurrency[currency]).forEach(function (m) { values[m] = byCurrency[currency][m][status]; });
        lines.push({label: status + " (" + currency + ")", values: values});
      });
    });
    return lines;
  });
  var mrr = document.getElementById("revenue-mrr-chart");
  if (mrr) draw(mrr, function (rows) {
    return rows.map(function (row) { return {label: row.product + " (" + row.currency + ")", values: row.months}; });
  });
})();
