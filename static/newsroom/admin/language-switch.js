// modeltranslation adds a <select> choosing the language of every tabbed field, with no
// label: give it the one the page carries (a screen reader otherwise reads "combo box").
// The <select> appears whenever modeltranslation's script has run: watch for it.
(() => {
  const name = document.querySelector('meta[name="newsroom-language-switch"]');
  const labelled = () => {
    const select = document.getElementById("modeltranslation-main-switch");
    if (name && select) {
      select.setAttribute("aria-label", name.content);
    }
    return Boolean(select);
  };
  if (!labelled()) {
    const observer = new MutationObserver(() => labelled() && observer.disconnect());
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener("load", () => labelled() && observer.disconnect());
  }
})();
