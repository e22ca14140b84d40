// "Print this page": shown where the browser can print.
if (typeof print === "function") {
  for (const action of document.querySelectorAll(".print-page")) {
    action.firstChild.onclick = () => print();
    action.hidden = false;
  }
}
