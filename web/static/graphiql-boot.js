// Starts GraphiQL (React and GraphiQL are the UMD builds served from node_modules). Queries go
// to the same origin with the session cookie and the session's CSRF token in X-CSRF-Token,
// the header web/csrf.py checks on every cookie-authenticated POST.
(function () {
  "use strict";
  var root = document.getElementById("graphiql");
  var headers = { "X-CSRF-Token": root.dataset.csrfToken };
  var fetcher = window.GraphiQL.createFetcher({ url: root.dataset.endpoint, headers: headers });
  window.ReactDOM.createRoot(root).render(
    window.React.createElement(window.GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
    })
  );

  // CodeMirror's hidden textareas carry no label: name each after the editor it belongs to.
  var names = [
    [".graphiql-query-editor", "Query"],
    [".graphiql-editor-tool .graphiql-editor:nth-child(1)", "Variables"],
    [".graphiql-editor-tool .graphiql-editor:nth-child(2)", "Headers"],
    [".result-window", "Result"],
  ];
  function label() {
    names.forEach(function (pair) {
      root.querySelectorAll(pair[0] + " textarea:not([aria-label])").forEach(function (area) {
        area.setAttribute("aria-label", pair[1]);
      });
    });
    root.querySelectorAll("textarea:not([aria-label])").forEach(function (area) {
      area.setAttribute("aria-label", "Editor");
    });
  }
  new MutationObserver(label).observe(root, { childList: true, subtree: true });
})();
