// Parts of a page marked data-refresh="SECONDS" reload in place from the same URL,
// unless the tab is hidden or someone has a row's metadata open.
(function () {
  "use strict";
  function refresh(el) {
    if (document.hidden || el.querySelector("details[open]")) return;
    fetch(window.location.href, {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(el.id);
        if (fresh && fresh.innerHTML !== el.innerHTML) {
          el.innerHTML = fresh.innerHTML;
          el.dispatchEvent(new CustomEvent("tally:refreshed", {bubbles: true}));
        }
      })
      .catch(function () { /* the next tick tries again */ });
  }
  document.querySelectorAll("[data-refresh]").forEach(function (el) {
    var seconds = Number(el.getAttribute("data-refresh")) || 5;
    setInterval(function () { refresh(el); }, seconds * 1000);
  });
})();

// On a narrow screen the navigation folds behind the Menu button.
(function () {
  "use strict";
  var button = document.querySelector("header button.menu");
  if (!button) return;
  button.addEventListener("click", function () {
    var open = button.closest("header").classList.toggle("open");
    button.setAttribute("aria-expanded", String(open));
  });
})();

// "Go back" on an error page returns to the form as it was filled in; without history, to the overview.
// A listener, not a javascript: link, which the dashboard's Content-Security-Policy refuses.
(function () {
  "use strict";
  document.querySelectorAll("a.back").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (window.history.length < 2) return;
      event.preventDefault();
      window.history.back();
    });
  });
})();

// On a phone a table's rows stack (dashboard.css, table.stacked): each cell is given its column's title
// (data-label) to show beside it, so every figure, money above all, is on screen without scrolling sideways.
(function () {
  "use strict";
  function label(root) {
    root.querySelectorAll("table").forEach(function (table) {
      var head = table.tHead && table.tHead.rows[0];
      if (!head || table.closest(".uplot")) return;
      var titles = [];
      Array.prototype.forEach.call(head.cells, function (th) {
        for (var i = 0; i < th.colSpan; i++) titles.push(th.textContent.trim());
      });
      Array.prototype.forEach.call(table.rows, function (tr) {  // this table's rows, not a nested table's
        if (tr.parentElement === table.tHead) return;
        var column = 0;
        Array.prototype.forEach.call(tr.cells, function (cell) {
          if (cell.colSpan === 1 && titles[column] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", titles[column]);
          }
          column += cell.colSpan;
        });
      });
      table.classList.add("stacked");
    });
  }
  label(document);
  document.addEventListener("tally:refreshed", function (event) { label(event.target); });
})();

// A price form shows the fields of the model chosen (data-model lists the models a field belongs to); the others
// are hidden, not removed, and the server reads only the chosen model's (interfaces/dashboard/price_form.py).
(function () {
  "use strict";
  document.querySelectorAll("select[data-price-model]").forEach(function (select) {
    var form = select.form;
    function show() {
      form.querySelectorAll("[data-model]").forEach(function (el) {
        el.hidden = el.getAttribute("data-model").split(" ").indexOf(select.value) < 0;
      });
    }
    select.addEventListener("change", show);
    show();
  });
})();

// A table's computed columns (table.sortable th button.sort) sort the rows on the page, by each cell's
// data-value (numbers as numbers, else as text); a second click reverses. Only for what the server cannot order.
(function () {
  "use strict";
  document.querySelectorAll("table.sortable th button.sort").forEach(function (button) {
    var descending = true;
    button.addEventListener("click", function () {
      var th = button.closest("th"), table = th.closest("table"), body = table.tBodies[0];
      var column = Array.prototype.indexOf.call(th.parentNode.cells, th);
      var numeric = button.getAttribute("data-sort") === "num";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute("data-value") || "", y = b.cells[column].getAttribute("data-value") || "";
        var order = numeric ? Number(x || 0) - Number(y || 0) : x.localeCompare(y);
        return descending ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      descending = !descending;
    });
  });
})();
