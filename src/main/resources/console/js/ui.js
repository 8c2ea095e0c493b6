// Building blocks shared by the pages: headings, tables, definition lists, status badges, dialogs, notices.
import { h, announce } from './dom.js';
import { t } from './i18n.js';

export function heading(title, ...actions) {
  return h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, title),
    actions.length ? h('div', { class: 'page-actions' }, actions) : null);
}

export function link(href, text, attrs = {}) {
  return h('a', { href, ...attrs }, text);
}

export function button(text, onClick, cls = 'secondary', attrs = {}) {
  return h('button', { type: 'button', class: cls, on: { click: act(onClick) }, ...attrs }, text);
}

/**
 * Wraps an action (a button's handler): while it runs the button is disabled, and a refusal of the API is shown at
 * the top of the page (an expired session is handled by the sign-in dialog instead).
 */
export function act(fn) {
  return async (event) => {
    const control = event?.currentTarget;
    if (control) control.disabled = true;
    try {
      await fn(event);
    } catch (e) {
      if (e.name !== 'SessionExpired') showError(e);
    } finally {
      if (control && control.isConnected) control.disabled = false;
    }
  };
}

export function showError(e) {
  const main = document.getElementById('main');
  main.querySelector('.action-error')?.remove();
  const p = e.problem || {};
  const el = h('div', { class: 'notice error action-error', role: 'alert', tabindex: '-1' },
    h('p', null, h('strong', null, p.title || t('app.error'))), p.detail || e.message ? h('p', null, p.detail || e.message) : null,
    (p.violations || []).length ? h('ul', null, p.violations.map((v) => h('li', null, `${v.field}: ${v.message}`))) : null);
  const head = main.querySelector('.page-head');
  if (head) head.after(el);
  else main.prepend(el);
  el.focus();
}

/** A table that scrolls sideways on a phone; columns: [{label, cell: (row) => Node|string, class}]. */
export function table(columns, rows, { caption, empty } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty || t('common.empty'));
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption || null },
    h('table', null, caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
      h('tbody', null, rows.map((r) => h('tr', null, columns.map((c, i) => (i === 0
        ? h('th', { scope: 'row', class: c.class }, c.cell(r))
        : h('td', { class: c.class }, c.cell(r)))))))));
}

/** A definition list of [label, value] pairs (values: strings or nodes; empty ones show as —). */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([k, v]) => [h('dt', null, k),
    h('dd', null, v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length) ? '—' : v)]));
}

const STATUS_CLASS = { CURRENT: 'ok', ACCEPTED: 'ok', ACTIVE: 'ok', SUBMITTED: 'info', INCOMPLETE: 'warn',
  RETURNED: 'warn', STALE: 'bad', MISSING: 'bad', NOT_SUBMITTED: 'muted', SUSPENDED: 'muted', DISABLED: 'muted' };

export function badge(code, label) {
  return h('span', { class: `badge ${STATUS_CLASS[code] || 'muted'}` }, label || code);
}

export function notice(kind, ...content) {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, content);
}

/** A modal dialog (native <dialog>: focus moves in, Escape closes, focus returns). Resolves with the button's value. */
export function dialog(title, body, buttons) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = `dlg-${Date.now()}`;
    const dlg = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title), body,
      h('div', { class: 'form-actions' }, buttons.map((b) => h('button', { type: 'button', class: b.class || 'secondary',
        on: { click: () => { dlg.close(b.value); } } }, b.label))));
    dlg.addEventListener('close', () => {
      dlg.remove();
      opener?.focus?.();
      resolve(dlg.returnValue || null);
    });
    document.body.append(dlg);
    dlg.showModal();
  });
}

export async function confirm(title, text, confirmLabel, danger = false) {
  const value = await dialog(title, h('p', null, text), [
    { label: t('common.cancel'), value: 'cancel' },
    { label: confirmLabel, value: 'ok', class: danger ? 'danger' : 'primary' }]);
  return value === 'ok';
}

/** A short message at the top of the page that screen readers announce. */
export function flash(text) {
  const main = document.getElementById('main');
  main.querySelector('.flash')?.remove();
  const el = h('div', { class: 'notice success flash', role: 'status' }, text);
  const head = main.querySelector('.page-head') || main.firstChild;
  head?.after ? head.after(el) : main.prepend(el);
  announce(text);
}

/** A progress bar with its numbers written out (the bar alone says nothing to a screen reader). */
export function progress(done, total, label) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return h('div', { class: 'progress-wrap' },
    h('progress', { max: total || 1, value: done, 'aria-label': label }),
    h('span', { class: 'progress-text' }, `${done} / ${total} (${pct}%)`));
}
