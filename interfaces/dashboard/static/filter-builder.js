// "Add condition" copies the last condition row of the meter form, emptied and numbered next
// (fields are numbered because browsers leave empty fields out of a form's body).
(function () {
  "use strict";
  document.querySelectorAll("[data-add-clause]").forEach(function (button) {
    button.addEventListener("click", function () {
      var rows = button.parentNode.querySelectorAll(".clause");
      var copy = rows[rows.length - 1].cloneNode(true);
      copy.querySelectorAll("input, select").forEach(function (field) {
        field.name = field.name.replace(/_\d+$/, "_" + rows.length);
        if (field.tagName === "INPUT") field.value = "";
      });
      button.parentNode.insertBefore(copy, button);
    });
  });
})();
