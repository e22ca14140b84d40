// Signs page self-check: the summary (words in the page's <template>) and the printed list.
// Private: no request, no cookie, no storage; ticks are gone on reload.
(() => {
  const form = document.querySelector("form[data-self-check]");
  if (!form) return;
  const boxes = [...form.querySelectorAll("input[type=checkbox]")];
  const summary = form.querySelector(".self-check__summary");
  const words = form.querySelector("template.self-check__words");
  const date = form.querySelector(".self-check__date");

  function update() {
    const ticked = boxes.filter((box) => box.checked).length;
    if (!summary.firstElementChild) summary.append(words.content.cloneNode(true));
    summary.querySelector("[data-count]").textContent = String(ticked);
  }

  // Printing with ticks gives one sheet: the title, the ticked signs and the date.
  let hiddenForPrint = [];
  function printTicked() {
    afterPrint(); // a second beforeprint without an afterprint between
    const today = new Date();
    const time = date.querySelector("time");
    const pad = (number) => String(number).padStart(2, "0");
    time.dateTime = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    time.textContent = today.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    date.hidden = false;
    if (!boxes.some((box) => box.checked)) return; // nothing ticked: the whole list, to tick by hand
    const others = [...form.parentElement.children].filter((element) => !["H1", "FORM"].includes(element.tagName));
    const unticked = boxes.filter((box) => !box.checked).map((box) => box.closest("li"));
    hiddenForPrint = [...others, ...unticked, summary, form.querySelector(".self-check__private")];
    hiddenForPrint = hiddenForPrint.filter((element) => !element.hidden);
    for (const element of hiddenForPrint) element.hidden = true;
  }

  function afterPrint() {
    for (const element of hiddenForPrint) element.hidden = false;
    hiddenForPrint = [];
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("beforeprint", printTicked);
  window.addEventListener("afterprint", afterPrint);
})();
