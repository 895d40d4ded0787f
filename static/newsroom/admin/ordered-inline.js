// Inlines kept in an order (a release's press contacts and press kit) have a position
// field: here editors drag rows by their handle, or move them with the arrow buttons,
// and the positions follow the rows when the form is sent. Without JavaScript, the
// position fields stay and editors type the numbers.
(() => {
  const words = (name) => document.querySelector(`meta[name="newsroom-order-${name}"]`)?.content || name;

  // A row counts once it holds something: an extra row left empty stays untouched,
  // or the formset would take it for a new item missing its fields.
  const isFilled = (row) =>
    Boolean(row.querySelector('input[name$="-id"]')?.value) ||
    Array.from(row.querySelectorAll("select")).some((select) => select.value);

  const itemRows = (body) => Array.from(body.querySelectorAll(":scope > tr.form-row:not(.empty-form)"));

  const renumber = (body) => {
    let position = 0;
    for (const row of itemRows(body)) {
      const input = row.querySelector('input[name$="-position"]');
      if (input && isFilled(row)) {
        position += 1;
        input.value = position;
      }
    }
  };

  const button = (label, text, className) => {
    const control = document.createElement("button");
    control.type = "button";
    control.className = className;
    control.textContent = text;
    control.setAttribute("aria-label", label);
    control.title = label;
    return control;
  };

  const enhanceRow = (row, body) => {
    const cell = row.querySelector("td.field-position");
    if (!cell || cell.querySelector(".ordered-inline__controls")) return;
    const input = cell.querySelector("input");
    input.type = "hidden";
    const controls = document.createElement("span");
    controls.className = "ordered-inline__controls";
    const handle = button(words("drag"), "⠿", "ordered-inline__handle");
    const up = button(words("up"), "↑", "ordered-inline__move");
    const down = button(words("down"), "↓", "ordered-inline__move");
    controls.append(handle, up, down);
    cell.append(controls);
    up.addEventListener("click", () => {
      const previous = row.previousElementSibling;
      if (previous && previous.matches("tr.form-row:not(.empty-form)")) previous.before(row);
      renumber(body);
      up.focus();
    });
    down.addEventListener("click", () => {
      const next = row.nextElementSibling;
      if (next && next.matches("tr.form-row:not(.empty-form)")) next.after(row);
      renumber(body);
      down.focus();
    });
    // The row drags only from its handle: its fields stay selectable.
    handle.addEventListener("pointerdown", () => { row.draggable = true; });
    row.addEventListener("dragstart", (event) => {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", "");
      row.classList.add("ordered-inline__dragged");
    });
    row.addEventListener("dragend", () => {
      row.draggable = false;
      row.classList.remove("ordered-inline__dragged");
      renumber(body);
    });
  };

  const enhance = (body) => {
    if (body.dataset.ordered) return;
    body.dataset.ordered = "true";
    body.closest(".inline-group")?.classList.add("ordered-inline");
    for (const row of itemRows(body)) enhanceRow(row, body);
    body.addEventListener("dragover", (event) => {
      const dragged = body.querySelector(".ordered-inline__dragged");
      const target = event.target.closest("tr.form-row:not(.empty-form)");
      if (!dragged || !target || target === dragged || target.parentElement !== body) return;
      event.preventDefault();
      const box = target.getBoundingClientRect();
      if (event.clientY < box.top + box.height / 2) target.before(dragged);
      else target.after(dragged);
    });
    body.addEventListener("drop", (event) => event.preventDefault());
    body.closest("form")?.addEventListener("submit", () => renumber(body));
  };

  const bodies = () =>
    Array.from(document.querySelectorAll(".inline-group .tabular tbody")).filter((body) =>
      body.querySelector('td.field-position input[name$="-position"]'));

  document.addEventListener("DOMContentLoaded", () => bodies().forEach(enhance));
  // Django's "Add another" row.
  document.addEventListener("formset:added", (event) => {
    const row = event.target;
    const body = row.parentElement;
    if (body?.dataset.ordered) enhanceRow(row, body);
  });
})();
