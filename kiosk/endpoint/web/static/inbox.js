// The inbox refreshes itself: each second it asks for the count of open cases and the
// newest case; when either changes it fetches the rows again. The tab title shows the count.
(function () {
  "use strict";
  var rows = document.getElementById("inbox-rows");
  var count = document.getElementById("pending");
  if (!rows) { return; }
  var seen = null;
  function title(n) { document.title = (n ? "(" + n + ") " : "") + rows.dataset.title; }
  function poll() {
    fetch(rows.dataset.live, {credentials: "same-origin", cache: "no-store"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (live) {
        if (!live) { return; }
        var key = live.pending + ":" + live.newest;
        if (seen !== null && key !== seen) {
          fetch(rows.dataset.rows, {credentials: "same-origin", cache: "no-store"})
            .then(function (r) { return r.text(); })
            .then(function (html) { rows.innerHTML = html; });
        }
        seen = key;
        count.textContent = live.pending;
        title(live.pending);
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
