// Forms built from field descriptors, with what every form of the console needs: labels tied to controls, required
// marks, errors from problem+json shown at the field and in a summary that takes focus, and a draft kept in session
// storage on every keystroke so that an expired session or a reload never loses a half-filled form (sign-out clears
// drafts). Descriptor kinds: text, textarea, email, tel, url, date, number, select, multi, bool, lines, group, list,
// section. options: an array of {code, label} or an async function returning one.
import { h, nextId, announce, mount } from './dom.js';
import { t, pick } from './i18n.js';
import { DRAFT_PREFIX } from './auth.js';
import { render } from './router.js';

export function loadDraft(key) {
  if (!key) return null;
  try {
    return JSON.parse(sessionStorage.getItem(DRAFT_PREFIX + key));
  } catch {
    return null;
  }
}

export function saveDraft(key, data) {
  if (key) sessionStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(data));
}

export function dropDraft(key) {
  if (key) sessionStorage.removeItem(DRAFT_PREFIX + key);
}

async function resolveOptions(fields) {
  for (const f of fields) {
    if (typeof f.options === 'function') f.resolved = await f.options();
    else if (f.options) f.resolved = f.options;
    if (f.fields) await resolveOptions(f.fields);
  }
}

function labelText(f) {
  return typeof f.label === 'string' ? t(f.label) : pick(f.label);
}

function control(f, path, value, onChange) {
  const id = nextId('f');
  const hintId = f.hint ? `${id}-hint` : null;
  const errId = `${id}-err`;
  const common = { id, name: path, dataset: { path }, 'aria-describedby': [hintId].filter(Boolean).join(' ') || null,
    required: f.required && f.kind !== 'bool' ? true : null };
  const label = h('label', { for: id }, labelText(f), f.required ? h('span', { class: 'req' }, ` (${t('common.required')})`) : null);
  let input;
  switch (f.kind) {
    case 'textarea':
    case 'lines':
      input = h('textarea', { ...common, rows: f.rows || 3, maxlength: f.max },
        f.kind === 'lines' ? (value || []).join('\n') : (value ?? ''));
      break;
    case 'select':
      input = h('select', common, h('option', { value: '' }, f.required ? t('common.choose') : '—'),
        (f.resolved || []).map((o) => h('option', { value: String(o.code), selected: String(value ?? '') === String(o.code) },
          o.label)));
      break;
    case 'bool':
      input = h('input', { ...common, type: 'checkbox', checked: value === true });
      return h('div', { class: 'field check', dataset: { field: path } }, input, h('label', { for: id }, labelText(f)),
        f.hint ? h('p', { class: 'hint', id: hintId }, pick(f.hint)) : null, h('p', { class: 'field-error', id: errId, hidden: true }));
    case 'multi': {
      const chosen = new Set((value || []).map(String));
      return h('fieldset', { class: 'field multi', dataset: { field: path, path, kind: 'multi' } },
        h('legend', null, labelText(f), f.required ? h('span', { class: 'req' }, ` (${t('common.required')})`) : null),
        f.hint ? h('p', { class: 'hint' }, pick(f.hint)) : null,
        (f.resolved || []).map((o) => {
          const oid = nextId('o');
          return h('div', { class: 'check' }, h('input', { type: 'checkbox', id: oid, value: String(o.code), checked: chosen.has(String(o.code)) }),
            h('label', { for: oid }, o.label));
        }),
        h('p', { class: 'field-error', id: errId, hidden: true }));
    }
    default:
      input = h('input', { ...common, type: f.kind === 'number' ? 'number' : (f.kind || 'text'), value: value ?? '',
        maxlength: f.max, min: f.min, step: f.step, autocomplete: f.autocomplete || 'off',
        inputmode: f.inputmode || null, lang: f.lang || null });
  }
  return h('div', { class: 'field', dataset: { field: path } }, label,
    f.hint ? h('p', { class: 'hint', id: hintId }, pick(f.hint)) : null, input,
    h('p', { class: 'field-error', id: errId, hidden: true }));
}

function renderFields(fields, prefix, value, ctx) {
  return fields.map((f) => {
    if (f.kind === 'section') {
      return h('fieldset', { class: 'section' }, h('legend', null, labelText(f)), renderFields(f.fields, prefix, value, ctx));
    }
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    const v = value ? value[f.name] : undefined;
    if (f.kind === 'group') {
      return h('fieldset', { class: 'group', dataset: { group: path } }, h('legend', null, labelText(f)),
        renderFields(f.fields, path, v || {}, ctx));
    }
    if (f.kind === 'list') return listControl(f, path, v || [], ctx);
    return control(f, path, v);
  });
}

function listControl(f, path, items, ctx) {
  const body = h('div', { class: 'list-items' });
  const wrapper = h('fieldset', { class: 'group list', dataset: { list: path } },
    h('legend', null, labelText(f)), f.hint ? h('p', { class: 'hint' }, pick(f.hint)) : null, body);
  const addItem = (item, focus) => {
    const index = body.children.length;
    const removeLabel = `${t('common.remove')}: ${labelText(f)} ${index + 1}`;
    const row = h('div', { class: 'list-item', dataset: { item: '' } },
      renderFields(f.fields, `${path}[${index}]`, item || {}, ctx),
      h('button', { type: 'button', class: 'link danger', 'aria-label': removeLabel,
        on: { click: () => { row.remove(); renumber(body, path); ctx.changed(); } } }, t('common.remove')));
    body.append(row);
    if (focus) row.querySelector('input, select, textarea')?.focus();
  };
  items.forEach((item) => addItem(item, false));
  wrapper.append(h('button', { type: 'button', class: 'secondary', on: { click: () => { addItem({}, true); ctx.changed(); } } },
    `${t('common.add')}: ${labelText(f)}`));
  return wrapper;
}

function renumber(body, path) {
  [...body.children].forEach((row, i) => {
    row.querySelectorAll('[data-path]').forEach((el) => {
      el.dataset.path = el.dataset.path.replace(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}\\[\\d+\\]`), `${path}[${i}]`);
      if (el.name) el.name = el.dataset.path;
    });
    row.querySelectorAll('[data-field]').forEach((el) => {
      el.dataset.field = el.dataset.field.replace(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}\\[\\d+\\]`), `${path}[${i}]`);
    });
  });
}

function readFields(fields, container, prefix) {
  const out = {};
  for (const f of fields) {
    if (f.kind === 'section') {
      Object.assign(out, readFields(f.fields, container, prefix));
      continue;
    }
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    if (f.kind === 'group') {
      out[f.name] = readFields(f.fields, container, path);
    } else if (f.kind === 'list') {
      const list = container.querySelector(`[data-list="${CSS.escape(path)}"] > .list-items`);
      out[f.name] = list ? [...list.children].map((row, i) => readFields(f.fields, row, `${path}[${i}]`)) : [];
    } else if (f.kind === 'multi') {
      const set = container.querySelector(`fieldset[data-path="${CSS.escape(path)}"]`);
      out[f.name] = set ? [...set.querySelectorAll('input:checked')].map((i) => (f.numeric ? Number(i.value) : i.value)) : [];
    } else {
      const el = container.querySelector(`[data-path="${CSS.escape(path)}"]`);
      if (!el) continue;
      if (f.kind === 'bool') out[f.name] = el.checked;
      else if (f.kind === 'number') out[f.name] = el.value === '' ? null : Number(el.value);
      else if (f.kind === 'lines') out[f.name] = el.value.split('\n').map((s) => s.trim()).filter(Boolean);
      else out[f.name] = el.value.trim();
    }
  }
  return out;
}

/**
 * Removes what the API should not receive. create: empty strings, nulls and empty lists go. update (PATCH, where
 * null means unchanged and "" clears): top-level empty strings stay (they clear the field), nulls go; inside list
 * items and groups, which replace the stored value wholesale, empties go.
 */
export function clean(value, mode = 'create', top = true) {
  if (Array.isArray(value)) return value.map((v) => clean(v, mode, false));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined) continue;
      if (v === '' && !(mode === 'update' && top)) continue;
      if (Array.isArray(v) && v.length === 0 && mode === 'create') continue;
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const inner = clean(v, mode, false);
        if (Object.keys(inner).length === 0 && mode === 'create') continue;
        out[k] = inner;
      } else {
        out[k] = clean(v, mode, false);
      }
    }
    return out;
  }
  return value;
}

/**
 * Builds a form. Returns {element, value(), showProblem(error), draft(), clearDraft()}. onSubmit(value) may throw an
 * ApiError; its violations are shown against the fields. The draft holds {value, extra}: extra is whatever the
 * page needs to resume (an ETag, an idempotency key).
 */
export async function buildForm({ fields, value = {}, draftKey, submitLabel, onSubmit, onCancel, extra = {}, labelledBy }) {
  await resolveOptions(fields);
  const draft = loadDraft(draftKey);
  const ctx = { changed: () => {} };
  const summary = h('div', { class: 'notice error', role: 'alert', tabindex: '-1', hidden: true });
  const restored = draft ? h('div', { class: 'notice info', role: 'status' }, t('common.draftRestored'), ' ',
    h('button', { type: 'button', class: 'link', on: { click: () => { dropDraft(draftKey); render(); } } },
      t('common.discardDraft'))) : null;
  const state = { extra: draft?.extra ?? extra };
  const submit = h('button', { type: 'submit', class: 'primary' }, submitLabel || t('common.save'));
  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': labelledBy || null },
    restored, summary, renderFields(fields, '', draft?.value ?? value, ctx),
    h('div', { class: 'form-actions' }, submit,
      onCancel ? h('button', { type: 'button', class: 'secondary', on: { click: () => { dropDraft(draftKey); onCancel(); } } },
        t('common.cancel')) : null));
  for (const f of fields.filter((x) => x.dependsOn)) {
    const source = form.querySelector(`[data-path="${CSS.escape(f.dependsOn)}"]`);
    const target = form.querySelector(`[data-path="${CSS.escape(f.name)}"]`);
    const update = async () => {
      const keep = target.value;
      const opts = await f.optionsFor(source.value);
      mount(target, h('option', { value: '' }, t('common.choose')),
        opts.map((o) => h('option', { value: String(o.code), selected: String(o.code) === keep }, o.label)));
    };
    source.addEventListener('change', update);
    const initial = (draft?.value ?? value)[f.name];
    await update();
    if (initial) target.value = initial;
  }
  const read = () => readFields(fields, form, '');
  const save = () => saveDraft(draftKey, { value: read(), extra: state.extra });
  ctx.changed = save;
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  const api = {
    element: form,
    value: read,
    extra: () => state.extra,
    setExtra(more) { Object.assign(state.extra, more); save(); },
    clearDraft: () => dropDraft(draftKey),
    showProblem(error) { showProblem(form, summary, error); },
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    submit.disabled = true;
    try {
      await onSubmit(read(), api);
    } catch (e) {
      if (e.name !== 'SessionExpired') showProblem(form, summary, e);
    } finally {
      submit.disabled = false;
    }
  });
  return api;
}

function clearErrors(form, summary) {
  summary.hidden = true;
  mount(summary);
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((el) => { el.hidden = true; el.textContent = ''; });
}

/** Shows a problem: violations at their fields (matched by path, or by their leading part) and in the summary. */
export function showProblem(form, summary, error) {
  const p = error.problem || {};
  const violations = p.violations || [];
  const items = [];
  for (const v of violations) {
    const target = findField(form, v.field);
    const label = target?.querySelector('label, legend')?.textContent?.replace(/\s*\(.*\)$/, '') || v.field;
    if (target) {
      const input = target.querySelector('[data-path], input, select, textarea');
      const err = target.querySelector('.field-error');
      err.hidden = false;
      err.textContent = v.message;
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), err.id].filter(Boolean).join(' '));
      }
      items.push(h('li', null, h('a', { href: '#', on: { click: (e) => { e.preventDefault(); (input || target).focus(); } } },
        `${label}: ${v.message}`)));
    } else {
      items.push(h('li', null, `${v.field}: ${v.message}`));
    }
  }
  mount(summary, 
    h('p', null, h('strong', null, violations.length ? t('common.errorsTitle', { count: violations.length }) : (p.title || t('app.error')))),
    !violations.length && (p.detail || error.message) ? h('p', null, p.detail || error.message) : null,
    items.length ? h('ul', null, items) : null);
  summary.hidden = false;
  summary.focus();
  announce(summary.textContent);
}

function findField(form, path) {
  if (!path) return null;
  let p = path;
  while (p) {
    const el = form.querySelector(`[data-field="${CSS.escape(p)}"]`);
    if (el) return el;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.substring(0, cut);
  }
  return null;
}

/** A fresh Idempotency-Key for a creating POST (kept in the draft, so a retry after re-sign-in replays). */
export function idempotencyKey() {
  return crypto.randomUUID();
}
