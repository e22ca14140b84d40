// Menu and search <label>s become buttons Tab reaches; Escape closes and refocuses them.
document.querySelector(".md-search[role=dialog]")?.setAttribute("aria-label", "Search this guide");
const toggles = { __drawer: "Menu", __search: "Search" };
for (const [id, name] of Object.entries(toggles)) {
  const box = document.getElementById(id);
  const buttons = document.querySelectorAll(`.md-header__button[for=${id}], .md-search__form [for=${id}]`);
  for (const button of buttons) {
    button.tabIndex = button.matches(".md-header__button") ? 0 : -1; // the field's icon: Escape's target only
    button.setAttribute("role", "button");
    button.setAttribute("aria-label", name);
    button.setAttribute("aria-expanded", box.checked);
    button.onkeydown = (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      button.click();
      if (box.checked && id === "__drawer") document.querySelector(".md-sidebar--primary a[href]").focus();
    };
  }
  box.addEventListener("change", () => {
    for (const button of buttons) button.setAttribute("aria-expanded", box.checked);
    if (box.checked && id === "__search") document.querySelector(".md-search__input").focus(); // Material tried while hidden
  });
}
addEventListener("keydown", (event) => {
  const open = event.key === "Escape" && Object.keys(toggles).find((id) => document.getElementById(id).checked);
  if (open) setTimeout(() => {
    const box = document.getElementById(open);
    if (box.checked) box.click(); // Material leaves the menu open
    [...document.querySelectorAll(`.md-header [for=${open}][role=button]`)].find((b) => b.checkVisibility())?.focus();
  });
}, true);
