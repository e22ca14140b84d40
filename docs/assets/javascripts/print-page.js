// "Print this page": shown where the browser can print.
if (typeof print === "function") {
  for (const action of document.querySelectorAll(".print-page")) {
    action.firstChild.onclick = () => print();
    action.hidden = false;
  }
}

// Keyboard: the menu and search labels become buttons; Escape returns to them.
document.querySelector(".md-search[role=dialog]")?.setAttribute("aria-label", "Search this guide");
const toggles = { __drawer: "Menu", __search: "Search" };
for (const [id, name] of Object.entries(toggles)) {
  const box = document.getElementById(id);
  const labels = document.querySelectorAll(`.md-header__button[for=${id}], .md-search__form [for=${id}]`);
  const buttons = [];
  for (const label of labels) {
    // (A label may take no role; a span in it can.)
    const button = document.createElement("span");
    button.append(...label.childNodes);
    label.append(button);
    button.tabIndex = label.matches(".md-header__button") ? 0 : -1;
    button.setAttribute("role", "button");
    button.setAttribute("aria-label", name);
    button.onkeydown = (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      label.click();
      if (box.checked && id === "__drawer") document.querySelector(".md-sidebar--primary a[href]").focus();
    };
    buttons.push(button);
  }
  const expanded = () => buttons.forEach((b) => b.setAttribute("aria-expanded", box.checked));
  expanded();
  box.addEventListener("change", () => {
    expanded();
    if (box.checked && id === "__search") document.querySelector(".md-search__input").focus();
  });
}
addEventListener("keydown", (event) => {
  const open = event.key === "Escape" && Object.keys(toggles).find((id) => document.getElementById(id).checked);
  if (open) setTimeout(() => {
    const box = document.getElementById(open);
    if (box.checked) box.click();
    [...document.querySelectorAll(`.md-header [for=${open}] [role=button]`)].find((b) => b.checkVisibility())?.focus();
  });
}, true);
