// Signs page self-check: the summary (words in the page's <template>) and the printed list.
// Private: no request, no cookie, no storage. No score: it lists the signs ticked, never a count.
(() => {
  const form = document.querySelector("form[data-self-check]");
  if (!form) return;
  const boxes = [...form.querySelectorAll("input[type=checkbox]")];
  const summary = form.querySelector(".self-check__summary");
  const status = form.querySelector(".self-check__status");
  const words = form.querySelector("template.self-check__words");
  const date = form.querySelector(".self-check__date");
  const label = (box) => box.closest("label").textContent.trim();

  function update() {
    const ticked = boxes.filter((box) => box.checked);
    if (!ticked.length) {
      summary.replaceChildren();
      status.textContent = "";
      return;
    }
    if (!summary.firstElementChild) summary.append(words.content.cloneNode(true));
    summary.querySelector("[data-ticked]").replaceChildren(
      ...ticked.map((box) => Object.assign(document.createElement("li"), { textContent: label(box) })),
    );
    // One short sentence for screen readers; the list itself is not read out on every tick.
    status.textContent = "Your ticked signs and what you can do next are below the list.";
  }

  // The ticks never outlive the visit: not after a reload, not after Back (the page cache).
  function clear() {
    form.reset();
    update();
  }
  window.addEventListener("pageshow", clear);

  // Printing with ticks gives one sheet: the title, the ticked signs, the date, and what
  // the summary says (not a diagnosis; where to get help), with the banner's numbers.
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
    const repeated = [summary.querySelector(".self-check__ticked"), form.querySelector(".self-check__private")];
    hiddenForPrint = [...others, ...unticked, ...repeated].filter((element) => element && !element.hidden);
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
