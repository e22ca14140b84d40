// The Signs page's self-check: shows how many signs are ticked, with kind words and
// next steps (written in the page, in <template>), and dates the printed list.
// Private by design: no request, no cookie, no storage. Ticks are gone on reload.
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
    // Print then shows only the ticked signs (see guide.css).
    document.documentElement.classList.toggle("self-check-ticked", ticked > 0);
  }

  function stampDate() {
    const today = new Date();
    const time = date.querySelector("time");
    const pad = (number) => String(number).padStart(2, "0");
    time.dateTime = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    time.textContent = today.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    date.hidden = false;
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("beforeprint", stampDate);
})();
