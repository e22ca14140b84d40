// "Print this page" under every page (overrides/partials/page-actions.html): shown only
// where the browser can print, so without JavaScript or printing there is no dead button.
if (typeof window.print === "function") {
  for (const button of document.querySelectorAll("button.print-page")) {
    button.addEventListener("click", () => window.print());
    button.hidden = false;
  }
}
