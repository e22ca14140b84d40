// Injected before any page script by tests/test_browser_act.py: records every way a page
// could keep something (storage, cookies, IndexedDB) in window.__writes.
(() => {
  const writes = [];
  Object.defineProperty(window, "__writes", { value: writes });
  for (const name of ["setItem", "removeItem", "clear"]) {
    const original = Storage.prototype[name];
    Storage.prototype[name] = function (...args) {
      writes.push(`${this === window.localStorage ? "localStorage" : "sessionStorage"}.${name}(${args[0] ?? ""})`);
      return original.apply(this, args);
    };
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(Document.prototype, "cookie", {
    configurable: true,
    get() {
      return cookie.get.call(this);
    },
    set(value) {
      writes.push(`document.cookie=${value}`);
      cookie.set.call(this, value);
    },
  });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    writes.push(`indexedDB.open(${args[0]})`);
    return open.apply(this, args);
  };
})();
