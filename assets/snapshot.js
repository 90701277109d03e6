// The first view arrives as HTML inside the page (firstview/snapshot.py: <div id="ssr-snapshot">), so a
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

  // The charts' still pictures are drawn only here (live renders carry none): each moves into its own
  // chart's box (the same data-chart name, never the n-th box: a chart without a picture, an empty one,
  // must not shift the others), where it stays until plotly has drawn (app.css).
  function keepPictures() {
    var pictures = snapshot.querySelectorAll(".chart-picture[data-chart]");
    var boxes = {};
    root.querySelectorAll(".chart-still[data-chart]").forEach(function (box) {
      boxes[box.getAttribute("data-chart")] = box;
    });
    for (var i = 0; i < pictures.length; i++) {
      var box = boxes[pictures[i].getAttribute("data-chart")];
      if (box) { box.parentNode.insertBefore(pictures[i], box); }
    }
  }

  var observer = new MutationObserver(function () {
    if (live()) {
      observer.disconnect();
      keepPictures();
      snapshot.remove();
    }
  });
  observer.observe(root, { childList: true, subtree: true });
})();
