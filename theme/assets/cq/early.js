/* What runs before Material's bundle (theme/main.html loads it first): the search index held back until the
 * learner opens search, and the offline reader registered once the first page has loaded. No `cq` here: the
 * core loads after Material. */
(function () {
  "use strict";
  // Material fetches the search index as soon as the first page starts (538 KB in French, 2.3 s of a slow
  // phone's connection even with gzip), searched or not: its request is held back until the learner opens
  // search, or arrives with a query (?q=) or search words to mark (?h=). Material asks as its bundle runs, so this
  // file loads before it (theme/main.html); over file:// Material already waits for search to open.
  var xhr = self.XMLHttpRequest && XMLHttpRequest.prototype, open = xhr && xhr.open, send = xhr && xhr.send;
  if (xhr && !/[?&][qh]=/.test(location.search)) {
    xhr.open = function (method, url) {
      this.cqIndex = /\/search\/search_index\.json$/.test(String(url));
      return open.apply(this, arguments);
    };
    xhr.send = function () {
      var request = this, args = arguments, toggle = document.getElementById("__search");
      if (!request.cqIndex || !toggle || toggle.checked) return send.apply(request, args);
      toggle.addEventListener("change", function () { send.apply(request, args); }, {once: true});
    };
  }

  // The offline reader: once the first page has loaded, the service worker fetches the rest of the course
  // in the background (one file at a time), so every lesson then reads offline. Only a web build of a brand
  // that keeps it names one (<meta name="cq-offline">); never from disk.
  var worker = document.querySelector('meta[name="cq-offline"]');
  if (worker && navigator.serviceWorker && /^http/.test(location.protocol)) {
    addEventListener("load", function () { navigator.serviceWorker.register(worker.content); });
  }
})();
