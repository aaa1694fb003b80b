// Expense policy settings pages: after htmx swaps a refused form back in, move the keyboard
// focus to the first field with an error (its message sits next to it), so keyboard and screen
// reader users land where the problem is.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail && event.detail.elt;
  if (!target || !target.querySelector) {
    return;
  }
  var field = target.querySelector("[aria-invalid='true']");
  if (!field) {
    var alert = target.querySelector("[role='alert']");
    if (alert) {
      alert.setAttribute("tabindex", "-1");
      alert.focus();
    }
    return;
  }
  field.focus();
});
