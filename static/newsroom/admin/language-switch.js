// modeltranslation adds a <select> choosing the language of every tabbed field, with no
// label: give it the one the page carries (a screen reader otherwise reads "combo box").
window.addEventListener("load", () => {
  const name = document.querySelector('meta[name="newsroom-language-switch"]');
  const select = document.getElementById("modeltranslation-main-switch");
  if (name && select) {
    select.setAttribute("aria-label", name.content);
  }
});
