/* The learner's journey on every page: lessons read, the lesson to resume at, "Get my certificate" where
 * it is earned. What shows progress (resume boxes, the home page's cards, the progress page, the
 * certificate) is in progress-page.js, fetched only by a page that holds one, with its strings, and what
 * follows the reading of a lesson is in reading.js, fetched only by a lesson: a quiz page stays within its
 * 10 KB. Progress lives in this browser only, in the store quiz.js provides (localStorage, or an LMS inside
 * a SCORM package). */
(function (cq) {
  "use strict";

  var all = cq.all;
  function store() { return window.cqStore; }
  function map() {
    var node = document.getElementById("cq-map");
    try { return node ? JSON.parse(node.textContent) : null; } catch (e) { return null; }
  }

  /* -- what the learner has done: the rule is cq.standing (core.js), which SCORM reports too ------- */
  var quizResult = cq.standing;
  function visited(state) { return state.visited && typeof state.visited === "object" ? state.visited : {}; }

  // Reading a lesson (opened, where the learner is in it, read at its end): reading.js, on lesson pages only.
  var reading = 0;

  // "Get my certificate" where it is earned: every module quiz passed (home, progress page, last quiz).
  function certificateButtons(course, state) {
    var earned = course.modules.every(function (m) { return quizResult(state, m).passed; });
    all(document, ".cq-cert-go").forEach(function (p) { p.hidden = !earned; });
  }
  document.addEventListener("cq:saved", function (e) {
    var course = map();
    if (course && e.detail) certificateButtons(course, e.detail);
  });

  function mount() {
    if (!store()) return;
    if (!reading && document.querySelector("[data-cq-lesson]")) { reading = 1; cq.load("reading.js"); }
    // The practice page (practice.js, fetched only there).
    if (document.querySelector("[data-cq-practice]")) { if (window.cqPractice) window.cqPractice(); else cq.load("practice.js"); }
    var course = map();
    if (!course) return;
    var state = store().load();
    certificateButtons(course, state);
    mountPages(course);
  }

  // What progress-page.js fills: resume boxes, module cards, the progress page, the certificate.
  var PAGES = "[data-cq-resume], [data-cq-card], [data-cq-progress], [data-cq-certificate]";
  var page = null, fetching = false;
  function mountPages(course) {
    if (!course || !document.querySelector(PAGES) || fetching) return;
    if (!page) {
      fetching = true;
      // Its look (progress-page.css) and its code arrive together, and the page is filled once both have.
      var waiting = 2;
      var ready = function () {
        if (--waiting) return;
        page = window.cqProgressPage({ store: store, quizResult: quizResult, visited: visited });
        fetching = false;
        mountPages(map()); // the page shown now: instant navigation may have moved on
      };
      cq.load("progress-page.css", ready);
      cq.load("progress-page.js", ready);
      return;
    }
    page(course, store().load());
  }

  cq.mount(mount);
})(self.cq);
