// Meeting mode: arrow keys, PageUp/PageDown (what presentation clickers send) and Space move
// between slides by clicking the slide's own navigation links; "f" toggles full screen.
document.addEventListener("keydown", function (event) {
  if (!document.getElementById("rapat-slide")) { return; }
  var tag = (event.target && event.target.tagName) || "";
  if (tag === "INPUT" || tag === "TEXTAREA" || event.altKey || event.ctrlKey || event.metaKey) { return; }
  var next = ["ArrowRight", "PageDown", " ", "ArrowDown"];
  var prev = ["ArrowLeft", "PageUp", "ArrowUp"];
  var id = next.indexOf(event.key) >= 0 ? "rapat-next" : prev.indexOf(event.key) >= 0 ? "rapat-prev" : null;
  if (id) {
    var link = document.getElementById(id);
    if (link && !link.classList.contains("disabled")) { link.click(); }
    event.preventDefault();
  } else if (event.key === "f" && document.documentElement.requestFullscreen) {
    if (document.fullscreenElement) { document.exitFullscreen(); } else { document.documentElement.requestFullscreen(); }
  }
});
