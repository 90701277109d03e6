/* Registers the service worker (offline reading) and offers installation only where the browser itself
   says the app can be installed, once, as a small button; a dismissal is remembered (no nagging). */
(function () {
  if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js").catch(function () {});
    });
  }
  var deferred = null;
  window.addEventListener("beforeinstallprompt", function (event) {
    if (localStorage.getItem("at-install-dismissed")) return;
    event.preventDefault();
    deferred = event;
    var en = document.documentElement.lang === "en";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "install-app";
    button.id = "install-app";
    button.textContent = en ? "Install the app" : "Pasang aplikasi";
    button.addEventListener("click", function () {
      button.remove();
      deferred.prompt();
      deferred.userChoice.then(function (choice) {
        if (choice.outcome !== "accepted") localStorage.setItem("at-install-dismissed", "1");
        deferred = null;
      });
    });
    document.body.appendChild(button);
  });
  // "Cetak / PDF": any element marked data-print opens the browser's print dialog (save as PDF there).
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-print]");
    if (!target) return;
    event.preventDefault();
    // Charts below the fold are fetched only when near the screen (plotly-src.js): draw them all first.
    if (window.chartsReady) {
      window.chartsReady().then(function () { window.print(); });
    } else {
      window.print();
    }
  });
})();
