// The menu and search buttons, for the keyboard. Material draws them as <label>s, which
// Tab skips: make each a named button that Enter and Space press, that says whether it is
// open, and that gets focus back when Escape closes what it opened.
const toggles = { __drawer: "Menu", __search: "Search" };
for (const [id, name] of Object.entries(toggles)) {
  const box = document.getElementById(id);
  const buttons = document.querySelectorAll(`.md-header__button[for=${id}], .md-search__form [for=${id}]`);
  if (!box) continue;
  for (const button of buttons) {
    // The search field's own icon is a focus target for Escape, not an extra Tab stop.
    button.tabIndex = button.classList.contains("md-header__button") ? 0 : -1;
    button.setAttribute("role", "button");
    button.setAttribute("aria-label", name);
    button.setAttribute("aria-expanded", box.checked);
    button.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        button.click();
        // Into the menu it opened (Material focuses the search field itself).
        if (id === "__drawer" && box.checked) document.querySelector(".md-sidebar--primary a[href]")?.focus();
      }
    });
  }
  box.addEventListener("change", () => {
    for (const button of buttons) button.setAttribute("aria-expanded", box.checked);
    // Material focuses the field before the closed (hidden) dialog opens: focus it now.
    if (id === "__search" && box.checked) document.querySelector(".md-search__input")?.focus();
  });
}

// Escape closes the menu or the search (Material closes search but drops focus on
// <body>): focus goes back to the visible button that opens it again.
addEventListener(
  "keydown",
  (event) => {
    if (event.key !== "Escape") return;
    const open = Object.keys(toggles).find((id) => document.getElementById(id)?.checked);
    if (!open) return;
    setTimeout(() => {
      const box = document.getElementById(open);
      if (box.checked) box.click(); // the menu: Material leaves it open
      const back = [...document.querySelectorAll(`.md-header [for=${open}][role=button]`)];
      back.find((button) => button.checkVisibility())?.focus();
    });
  },
  true,
);
