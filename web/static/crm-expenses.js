// The CRM tab's expense list: a "Select all" box in the table's header ticks or clears every
// expense of the page (each row keeps its own box, usable by keyboard without this script).
(function () {
  "use strict";

  function wire(root) {
    var scope = root && root.querySelectorAll ? root : document;
    Array.prototype.forEach.call(scope.querySelectorAll("input[data-select-all]"), function (all) {
      if (all.getAttribute("data-ready") === "1") {
        return;
      }
      all.setAttribute("data-ready", "1");
      all.hidden = false;
      var table = all.closest("table");
      var boxes = function () {
        return table.querySelectorAll("tbody input[type='checkbox'][name='id']");
      };
      var sync = function () {
        var list = boxes();
        var ticked = Array.prototype.filter.call(list, function (b) { return b.checked; }).length;
        all.checked = list.length > 0 && ticked === list.length;
        all.indeterminate = ticked > 0 && ticked < list.length;
      };
      all.addEventListener("change", function () {
        Array.prototype.forEach.call(boxes(), function (b) { b.checked = all.checked; });
      });
      table.addEventListener("change", function (event) {
        if (event.target !== all) {
          sync();
        }
      });
      sync();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { wire(document); });
  } else {
    wire(document);
  }
  document.addEventListener("htmx:load", function (event) {
    wire(event.detail && event.detail.elt);
  });
})();
