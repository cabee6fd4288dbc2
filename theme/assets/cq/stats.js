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

  function passedQuizzes() {
    return self.cq.all(document, ".cq-quiz[data-cq-kind=module].cq-passed").map(function (q) { return q.getAttribute("data-cq-quiz"); });
  }
  function tell(name) {
    if (!base || !window.fetch || !/^[\w-]+(\/[\w-]+)?$/.test(name)) return;
    try {
      window.fetch(new URL(name + ".svg", base).href, { cache: "no-store", credentials: "omit", keepalive: true })
        .catch(function () { /* offline or blocked: the count is lower, nothing else changes */ });
    } catch (e) { /* very old browser */ }
  }

  // After quiz.js has mounted the page (it subscribes to the same events).
  function mount() {
    setTimeout(function () {
      passedAtMount = {};
      passedQuizzes().forEach(function (id) { passedAtMount[id] = true; });
    }, 0);
  }
  // The certificate page shows it once progress-page.js has arrived and found every quiz passed.
  document.addEventListener("cq:certificate", function () { tell("certificate"); });

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

  self.cq.mount(mount);
})();
