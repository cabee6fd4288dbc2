/* Completion counts for the host, loaded only when the brand opts in (completion_stats: true).
 * When a learner passes a module quiz, or the certificate shows, the browser asks this site
 * for one empty image: stats/passed/QUIZ.svg or stats/certificate.svg, next to the language
 * folders. The web server's access log is the count (`coursegen stats`). No query string, no
 * identifier, no cookie, nothing to any other host; a failed request changes nothing. */
(function () {
  "use strict";

  var script = document.currentScript;
  // This file is served from LANG/assets/cq/stats.js: the stats folder sits beside LANG/.
  var base = script && script.src ? new URL("../../../stats/", script.src) : null;
  var passedAtMount = {};

  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  function passedQuizzes() {
    return all(".cq-quiz[data-cq-kind=module].cq-passed").map(function (q) { return q.getAttribute("data-cq-quiz"); });
  }
  function tell(name) {
    if (!base || !window.fetch || !/^[\w-]+(\/[\w-]+)?$/.test(name)) return;
    try {
      window.fetch(new URL(name + ".svg", base).href, { cache: "no-store", credentials: "omit", keepalive: true })
        .catch(function () { /* offline or blocked: the count is lower, nothing else changes */ });
    } catch (e) { /* very old browser */ }
  }

  // After quiz.js and progress.js have mounted the page (they subscribe to the same events).
  function mount() {
    setTimeout(function () {
      passedAtMount = {};
      passedQuizzes().forEach(function (id) { passedAtMount[id] = true; });
      var cert = document.querySelector("[data-cq-certificate] .cq-cert");
      if (cert && !cert.hidden) tell("certificate");
    }, 0);
  }

  // A save is a learner's action: a quiz that turns passed now is a pass to count once.
  document.addEventListener("cq:saved", function () {
    setTimeout(function () {
      var now = {};
      passedQuizzes().forEach(function (id) {
        now[id] = true;
        if (!passedAtMount[id]) tell("passed/" + id);
      });
      passedAtMount = now;  // a retry clears the pass; passing again counts again (the log de-duplicates)
    }, 0);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mount);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
