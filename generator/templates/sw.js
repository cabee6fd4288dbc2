/* The offline reader (coursegen): a service worker at the root of one language of the web portal.
 *
 * After the first page has loaded (a11y.js registers it then), it fetches every page and file of this
 * language, one at a time so the learner's own clicks keep the connection, into a cache named after the
 * build. It then answers from that cache alone: every lesson reads offline. An update of the portal
 * downloads whole into a new cache beside the old one while the learner reads from the old; once complete
 * it takes over at once (a phone's tabs are seldom closed, so waiting for them would keep a learner on the
 * old build for weeks) and the old cache goes: the next page opened is the new build's, with its own files,
 * never a mix. Its downloads revalidate with the host (cache: "no-cache"): a host that lets browsers keep
 * files for a while (GitHub Pages: 10 minutes) would otherwise hand the new cache the old pages the
 * browser still holds (tests/test_offline_update.py). What it does not hold (the search
 * index, fetched when search opens; the search languages) it takes from the network and keeps.
 * The build writes in VERSION (a digest of the files) and FILES (addresses relative to this file).
 */
"use strict";
var VERSION = "cq-" + /*cq:version*/"";
var FILES = /*cq:files*/[];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(VERSION).then(function (cache) {
    // One at a time: a slow phone's connection stays free for the page the learner opens next.
    return FILES.reduce(function (done, file) {
      return done.then(function () {
        var url = new URL(file, self.registration.scope).href;
        return cache.match(url).then(function (found) {
          return found || fetch(url, {credentials: "same-origin", cache: "no-cache"}).then(function (response) {
            if (response.ok) return cache.put(url, response);
          });
        });
      });
    }, Promise.resolve());
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return /^cq-/.test(name) && name !== VERSION; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(self.registration.scope) !== 0) return;
  event.respondWith(caches.open(VERSION).then(function (cache) {
    // A page asked with ?h= (search words) or ?q= is the same page.
    return cache.match(request, {ignoreSearch: request.mode === "navigate"}).then(function (found) {
      return found || fetch(request).then(function (response) {
        if (response.ok && response.type === "basic") cache.put(request, response.clone());
        return response;
      });
    });
  }));
});
