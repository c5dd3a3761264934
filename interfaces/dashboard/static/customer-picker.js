// A customer field ([data-customer-search]) suggests the business's customers whose id, name or email
// contain what was typed, from the dashboard's search (the same as GET /customers?search=).
(function () {
  "use strict";
  document.querySelectorAll("input[data-customer-search]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch("/dashboard/customer-search.json?search=" + encodeURIComponent(input.value), {credentials: "same-origin"})
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (found) {
            list.innerHTML = "";
            found.forEach(function (c) {
              var option = document.createElement("option");
              option.value = c.customer_id;
              option.label = [c.name, c.email].filter(Boolean).join(" · ");
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a help, not a need */ });
      }, 200);
    });
  });
})();
