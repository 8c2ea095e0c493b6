// A small hash router. A page module calls page('/members/:id', {...}) for each of its pages; app.js imports the
// modules. Navigation moves focus to the new page's heading and sets the document title (keyboard and screen-reader
// users land on the content, not at the top of the menu).
import { h, mount } from './dom.js';
import { t } from './i18n.js';

const pages = [];

/**
 * Registers a page. def: {title: message key or fn(params), roles: [role codes] (absent = any signed-in user),
 * nav: {section, order, label} to list it in the menu, render: async (ctx, params, query) => Node|Node[]}.
 */
export function page(pattern, def) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (m, n) => { names.push(n); return '([^/]+)'; })}$`);
  pages.push({ pattern, regex, names, ...def });
}

export function allowed(def, ctx) {
  return !def.roles || def.roles.includes(ctx.role) || (def.when && def.when(ctx));
}

/** Menu entries for the signed-in role, by section. */
export function menu(ctx) {
  return pages.filter((p) => p.nav && allowed(p, ctx) && (!p.nav.when || p.nav.when(ctx)))
    .sort((a, b) => a.nav.order - b.nav.order);
}

export function href(path) {
  return `#${path}`;
}

/**
 * Shows the page at path; the promise resolves once it is drawn (so a flash() after `await go(…)` lands on the new
 * page). The hash change this makes does not draw the page a second time.
 */
export function go(path) {
  if (location.hash !== `#${path}`) location.hash = path;
  return render();
}

let context = null;
let onRender = () => {};
let renderSeq = 0;
let shownHash = null;

export function start(ctx, afterRender) {
  context = ctx;
  onRender = afterRender;
  window.addEventListener('hashchange', () => {
    if (location.hash !== shownHash) render();
  });
  return render();
}

export function currentPath() {
  return (location.hash.replace(/^#/, '') || '/').split('?')[0];
}

export async function render() {
  const seq = ++renderSeq;
  shownHash = location.hash;
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = raw.split('?');
  const query = Object.fromEntries(new URLSearchParams(qs || ''));
  const main = document.getElementById('main');
  let found = null;
  let params = {};
  for (const p of pages) {
    const m = p.regex.exec(path);
    if (m) {
      found = p;
      params = Object.fromEntries(p.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      break;
    }
  }
  let title;
  let content;
  if (!found) {
    title = t('app.notFound');
    content = [h('h1', { tabindex: '-1' }, title), h('p', null, t('app.notFoundText'))];
  } else if (!allowed(found, context)) {
    title = t('app.forbidden');
    content = [h('h1', { tabindex: '-1' }, title)];
  } else {
    title = typeof found.title === 'function' ? found.title(params) : t(found.title);
    mount(main, h('p', { class: 'loading', role: 'status' }, t('app.loading')));
    try {
      content = await found.render(context, params, query);
    } catch (e) {
      if (e.name === 'SessionExpired') return;
      content = [h('h1', { tabindex: '-1' }, title), errorBox(e)];
    }
  }
  if (seq !== renderSeq) return;
  mount(main, content);
  const heading = main.querySelector('h1');
  document.title = `${heading?.textContent || title} — ${t('app.name')}`;
  onRender(path);
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }
}

export function errorBox(e) {
  const p = e.problem || {};
  return h('div', { class: 'notice error', role: 'alert' },
    h('p', null, h('strong', null, p.title || t('app.error'))),
    p.detail || (!e.problem && e.message) ? h('p', null, p.detail || e.message) : null,
    (p.violations || []).length ? h('ul', null, p.violations.map((v) => h('li', null, `${v.field}: ${v.message}`))) : null);
}
