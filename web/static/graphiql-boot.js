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
})();
