/* The learner's journey on every page: lessons read, the lesson to resume at, "Get my certificate" where
 * it is earned. What shows progress (resume boxes, the home page's cards, the progress page, the
 * certificate) is in progress-page.js, fetched only by a page that holds one, with its strings: a quiz
 * page, which has none, stays within its 10 KB. Progress lives in this browser only, in the store
 * quiz.js provides (localStorage, or an LMS inside a SCORM package). */
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

  /* -- reading: a lesson opened is where to resume; it is read once its end is seen or a check answered */
  // (`visited` keeps its stored name: it has meant "read" since progress files and SCORM data hold it.)
  function markRead(slug) {
    var state = store().load();
    state.visited = visited(state);
    if (state.visited[slug]) return;
    state.visited[slug] = 1;
    store().save(state);
  }
  var watcher = null;
  function marker() { return document.querySelector("[data-cq-lesson]"); }
  function recordVisit() {
    if (watcher) { watcher.disconnect(); watcher = null; }
    var end = marker();
    if (!end || !store()) return;
    var slug = end.getAttribute("data-cq-lesson");
    var state = store().load();
    state.last = slug;
    store().save(state);
    if (!("IntersectionObserver" in window)) { markRead(slug); return; }
    watcher = new IntersectionObserver(function (seen) {
      if (!seen.some(function (e) { return e.isIntersecting; })) return;
      markRead(slug);
      watcher.disconnect();
    });
    watcher.observe(end);
  }
  document.addEventListener("cq:checked", function () { var end = marker(); if (end && store()) markRead(end.getAttribute("data-cq-lesson")); });

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
    recordVisit();
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
