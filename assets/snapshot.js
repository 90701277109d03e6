// The first view arrives as HTML inside the page (components/snapshot.py: <div id="ssr-snapshot">), so a
// reader on a slow phone sees the figures before the app's scripts have run. The live page is laid out
// beneath it, unseen (app.css), and takes its place in one step as soon as Dash has drawn the page's
// content and its navigation bar; same tags and classes, so nothing moves. If the scripts never run, the
// snapshot simply stays: every figure and link in it works as plain HTML.
(function () {
  "use strict";
  var snapshot = document.getElementById("ssr-snapshot");
  var root = document.getElementById("react-entry-point");
  if (!snapshot || !root) { return; }

  function live() {
    var content = document.getElementById("_pages_content");
    var nav = document.getElementById("shell-nav");
    return content && content.firstElementChild && nav && nav.firstElementChild;
  }

  var observer = new MutationObserver(function () {
    if (live()) {
      observer.disconnect();
      snapshot.remove();
    }
  });
  observer.observe(root, { childList: true, subtree: true });
})();
