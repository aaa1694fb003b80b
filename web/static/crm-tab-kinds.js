// CRM tab (Bulk Add, Per Diem, Mileage, Card Transactions): the Potential picker shows the
// chosen customer's potentials only, and the Per Diem form shows the fields of the chosen mode.
// Without JavaScript every potential is offered (grouped by customer) and both modes show.
(function () {
  "use strict";

  function syncPotentials(customerSelect) {
    var box = customerSelect.closest(".customer-potential");
    if (!box) return;
    var potentialSelect = box.querySelector("[data-potential-picker]");
    var field = box.querySelector("[data-potential-field]");
    if (!potentialSelect || !field) return;
    var customer = customerSelect.value;
    var any = false;
    potentialSelect.querySelectorAll("optgroup").forEach(function (group) {
      var shown = false;
      group.querySelectorAll("option").forEach(function (option) {
        var owners = (option.getAttribute("data-customers") || "").split(" ");
        var fits = customer !== "" && owners.indexOf(customer) !== -1;
        option.hidden = !fits;
        option.disabled = !fits;
        if (!fits && option.selected) potentialSelect.value = "";
        shown = shown || fits;
      });
      group.hidden = !shown;
      any = any || shown;
    });
    field.hidden = customer === "" && potentialSelect.value === "";
  }

  function syncMode(form) {
    var chosen = form.querySelector("input[name=mode]:checked");
    if (!chosen) return;
    form.querySelectorAll("[data-mode]").forEach(function (box) {
      var on = box.getAttribute("data-mode") === chosen.value;
      box.hidden = !on;
    });
  }

  function setUp(root) {
    root.querySelectorAll("[data-customer-picker]").forEach(syncPotentials);
    root.querySelectorAll("form[data-per-diem-form]").forEach(syncMode);
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    if (target.matches("[data-customer-picker]")) syncPotentials(target);
    if (target.matches("input[name=mode]")) {
      var form = target.closest("form[data-per-diem-form]");
      if (form) syncMode(form);
    }
  });
  // + Add More Expenses asks for the row after the last one (without JavaScript the form posts
  // and the page comes back with one more row).
  document.addEventListener("htmx:configRequest", function (event) {
    var elt = event.detail && event.detail.elt;
    if (!(elt instanceof Element) || !elt.matches("[data-bulk-add]")) return;
    var next = 0;
    document.querySelectorAll("fieldset.bulk-row[data-row]").forEach(function (row) {
      next = Math.max(next, Number(row.getAttribute("data-row")) + 1);
    });
    event.detail.parameters = {next: String(next)};
  });
  // the new row's first field takes the focus
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    if (!(target instanceof Element) || target.id !== "bulk-rows") return;
    var rows = target.querySelectorAll("fieldset.bulk-row");
    var last = rows[rows.length - 1];
    var first = last && last.querySelector("input, select");
    if (first) first.focus();
  });
  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  document.addEventListener("htmx:load", function (event) {
    if (event.target instanceof Element) setUp(event.target);
  });
})();
