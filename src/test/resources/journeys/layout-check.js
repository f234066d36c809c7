() => {
  // Layout checks run by the browser journeys (docs/ui.md). Returns a list of problems, empty when the screen holds.
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const visible = el => el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
  const describe = el => {
    const label = el.getAttribute('aria-label') || el.label || (el.innerText || el.value || '').trim().split('\n')[0];
    return el.localName + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '')
      + (label ? ' "' + String(label).slice(0, 40) + '"' : '');
  };
  const ignored = el => el.closest('vaadin-dev-tools, vaadin-connection-indicator, vaadin-tooltip, vaadin-notification-card');

  // 1. no page scrolls sideways
  const doc = document.scrollingElement || document.documentElement;
  if (doc.scrollWidth > vw + 1) {
    problems.push('page scrolls sideways: ' + doc.scrollWidth + 'px content in ' + vw + 'px');
  }

  // 2. what must be read whole is not clipped
  for (const selector of ['.sk-curl', '.sk-secret-value textarea', '.sk-badge', 'h1', 'h2', '.sk-label', '.sk-hint']) {
    for (const el of document.querySelectorAll(selector)) {
      if (!visible(el) || ignored(el)) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        problems.push('clipped: ' + describe(el) + ' needs ' + el.scrollWidth + 'px, has ' + el.clientWidth + 'px');
      }
      const r = el.getBoundingClientRect();
      // inside a grid, cells scroll sideways by design: a badge there is judged against its cell (below)
      if (!el.closest('vaadin-grid') && (r.left < -1 || r.right > vw + 1)) {
        problems.push('off-screen: ' + describe(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
      }
    }
  }
  // a badge in a grid cell is visible whole
  for (const badge of document.querySelectorAll('vaadin-grid-cell-content .sk-badge')) {
    if (!visible(badge)) continue;
    const cell = badge.closest('vaadin-grid-cell-content');
    const b = badge.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    if (b.right > c.right + 1 || cell.scrollWidth > cell.clientWidth + 1) {
      problems.push('badge cut in its cell: ' + describe(badge));
    }
  }

  // 3. controls: on screen, not hidden by their grid, not overlapping or touching another
  const CONTROLS = 'vaadin-button, vaadin-text-field, vaadin-text-area, vaadin-password-field, vaadin-email-field,'
    + ' vaadin-integer-field, vaadin-select, vaadin-combo-box, vaadin-multi-select-combo-box, vaadin-checkbox,'
    + ' vaadin-date-picker, vaadin-drawer-toggle, vaadin-grid, a[href]';
  const overlays = [...document.querySelectorAll('vaadin-dialog[opened], vaadin-confirm-dialog[opened], vaadin-popover[opened]')];
  const top = overlays.length ? overlays[overlays.length - 1] : null;
  let controls = [...document.querySelectorAll(CONTROLS)].filter(el => visible(el) && !ignored(el));
  if (top) {
    // with a dialog or popover open, only its own controls can be reached
    controls = controls.filter(el => top.contains(el) || (top.shadowRoot && top.shadowRoot.contains(el)));
  } else {
    controls = controls.filter(el => !el.closest('vaadin-dialog, vaadin-confirm-dialog, vaadin-popover'));
  }
  // a nested control (a button in a field's suffix, a link in a button) is judged with its parent
  controls = controls.filter(el => !el.parentElement || !el.parentElement.closest(CONTROLS.replace(', vaadin-grid', '')));
  const boxes = [];
  for (const el of controls) {
    const r = el.getBoundingClientRect();
    const grid = el.localName === 'vaadin-grid' ? null : el.closest('vaadin-grid');
    if (grid) {
      const g = grid.getBoundingClientRect();
      if (r.bottom < g.top || r.top > g.bottom) continue; // a row scrolled out of view vertically
      if (r.left < g.left - 1 || r.right > g.right + 1) {
        problems.push('hidden in its grid (scroll sideways to reach it): ' + describe(el));
        continue;
      }
    }
    if (r.left < -1 || r.right > vw + 1) {
      problems.push('off-screen: ' + describe(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + vw);
      continue;
    }
    if (el.closest('vaadin-grid') && el.localName !== 'vaadin-grid') continue; // rows are the grid's own layout
    boxes.push({ el, r });
  }
  const GAP = 4; // px: less than this between two controls reads as one
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const dx = Math.max(a.r.left, b.r.left) - Math.min(a.r.right, b.r.right);
      const dy = Math.max(a.r.top, b.r.top) - Math.min(a.r.bottom, b.r.bottom);
      if (dx < 0 && dy < 0) {
        problems.push('overlap: ' + describe(a.el) + ' and ' + describe(b.el));
      } else if (Math.max(dx, dy) < GAP - 0.5 && !(a.el.matches('a[href]') && b.el.matches('a[href]'))) {
        problems.push('touching (' + Math.round(Math.max(dx, dy)) + 'px): ' + describe(a.el) + ' and ' + describe(b.el));
      }
    }
  }

  // 4. a button beside a field in the same row lines up with the field's input box (its middle within that box),
  //    not with the label above it or the helper or error text below it
  const FIELDS = 'vaadin-text-field, vaadin-password-field, vaadin-email-field, vaadin-integer-field, vaadin-combo-box,'
    + ' vaadin-select, vaadin-date-picker';
  for (const field of document.querySelectorAll(FIELDS)) {
    if (!visible(field) || ignored(field) || !field.parentElement) continue;
    const input = field.shadowRoot && field.shadowRoot.querySelector('[part~="input-field"]');
    if (!input) continue;
    const f = field.getBoundingClientRect();
    const i = input.getBoundingClientRect();
    for (const button of field.parentElement.children) {
      if (button.localName !== 'vaadin-button' || !visible(button) || ignored(button)) continue;
      const b = button.getBoundingClientRect();
      const beside = b.left >= f.right - 1 || b.right <= f.left + 1;
      const sameRow = b.top < f.bottom && b.bottom > f.top;
      if (!beside || !sameRow) continue;
      const middle = (b.top + b.bottom) / 2;
      if (middle < i.top || middle > i.bottom) {
        problems.push('not level with its field: ' + describe(button) + ' spans ' + Math.round(b.top) + '..'
          + Math.round(b.bottom) + ', the input of ' + describe(field) + ' ' + Math.round(i.top) + '..'
          + Math.round(i.bottom));
      }
    }
  }

  // 5. every shown column of a grid is whole in view: a person reads a row without scrolling the table sideways,
  //    and no column sits under a frozen one or is cut at the table's edge (a column that matters less gives way
  //    at narrow widths instead)
  for (const grid of document.querySelectorAll('vaadin-grid')) {
    if (!visible(grid) || ignored(grid) || !grid.shadowRoot) continue;
    const table = grid.shadowRoot.querySelector('#table');
    const rows = grid.shadowRoot.querySelectorAll('#header tr');
    if (!table || !rows.length) continue;
    const t = table.getBoundingClientRect();
    const cells = [...rows[rows.length - 1].querySelectorAll('th')].filter(th => !th.hidden
      && th.getBoundingClientRect().width > 0);
    const frozen = th => th.hasAttribute('frozen') || (th.getAttribute('part') || '').includes('frozen-cell');
    const frozenToEnd = th => th.hasAttribute('frozen-to-end')
      || (th.getAttribute('part') || '').includes('frozen-to-end-cell');
    let left = t.left;
    let right = t.left + table.clientWidth; // without a vertical scroll bar
    for (const th of cells) {
      const r = th.getBoundingClientRect();
      if (frozenToEnd(th)) right = Math.min(right, r.left);
      else if (frozen(th)) left = Math.max(left, r.right);
    }
    const gridName = grid.getAttribute('aria-label') || grid.accessibleName || describe(grid);
    cells.forEach((th, index) => {
      const slot = th.querySelector('slot');
      const content = slot && slot.assignedElements()[0];
      const text = content ? content.innerText.trim() : '';
      const name = text || 'column ' + (index + 1);
      const r = th.getBoundingClientRect();
      const pinned = frozen(th) || frozenToEnd(th);
      const from = pinned ? t.left : left;
      const to = pinned ? t.left + table.clientWidth : right;
      if (r.left < from - 1 || r.right > to + 1) {
        problems.push('column not whole in its grid (scroll sideways to see it): "' + name + '" of "' + gridName
          + '" spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ', the grid shows '
          + Math.round(from) + '..' + Math.round(to));
      } else if (text && content.scrollWidth > content.clientWidth + 1) {
        problems.push('column header cut: "' + name + '" of "' + gridName + '" needs ' + content.scrollWidth
          + 'px, has ' + content.clientWidth + 'px');
      }
    });
  }
  return problems;
}
