// The console's entry point: signs the user in (or back in), loads who they are, draws the frame and starts the
// router. Pages are modules under pages/ that register themselves with page(); adding a page = a module + an import.
import { h, mount, clear } from './dom.js';
import { t, lang, setLang } from './i18n.js';
import { api } from './api.js';
import * as auth from './auth.js';
import { start, menu, render, currentPath, go } from './router.js';
import { signInPage } from './signin.js';
import { dialog } from './ui.js';

import './pages/home.js';
import './pages/records.js';
import './pages/self-assessment.js';
import './pages/export.js';
import './pages/members.js';
import './pages/freshness.js';
import './pages/users.js';
import './pages/import.js';
import './pages/policies.js';
import './pages/campaigns.js';
import './pages/audit.js';
import './pages/tenants.js';
import './pages/reference.js';
import './pages/alerts.js';

let ctx = null;

function languageButton(onSwitch) {
  const other = lang() === 'ja' ? 'en' : 'ja';
  return h('button', { type: 'button', class: 'lang', lang: other, 'aria-label': t('app.languageSwitch'),
    on: { click: () => { setLang(other); onSwitch(); } } }, other === 'en' ? 'English' : '日本語');
}

function drawTop() {
  const top = document.getElementById('top');
  const nav = document.getElementById('nav');
  document.getElementById('skip-link').textContent = t('app.skip');
  nav.setAttribute('aria-label', t('app.menu'));
  const toggle = ctx ? h('button', { type: 'button', class: 'menu-toggle', 'aria-controls': 'nav', 'aria-expanded': 'false',
    on: { click: (e) => {
      const open = nav.classList.toggle('open');
      e.currentTarget.setAttribute('aria-expanded', String(open));
    } } }, t('app.menuToggle')) : null;
  mount(top,
    h('div', { class: 'brand' }, toggle, h('a', { href: '#/', class: 'app-name' }, t('app.name')),
      ctx ? h('span', { class: 'tenant-name' }, ctx.me.tenant.name) : null),
    h('div', { class: 'session' },
      ctx ? h('span', { class: 'who' }, t('app.signedInAs', { name: ctx.me.user.displayName || ctx.me.user.username,
        role: ctx.me.roles[0].label })) : null,
      languageButton(relabel),
      ctx ? h('button', { type: 'button', class: 'secondary', on: { click: () => auth.signOut() } }, t('app.signOut')) : null));
}

function drawNav() {
  const nav = document.getElementById('nav');
  if (!ctx) {
    nav.hidden = true;
    clear(nav);
    return;
  }
  nav.hidden = false;
  const target = (p) => (typeof p.nav.path === 'function' ? p.nav.path(ctx) : (p.nav.path || p.pattern));
  mount(nav, h('ul', null, menu(ctx).map((p) => h('li', null,
    h('a', { href: `#${target(p)}`, dataset: { nav: target(p) } }, t(p.nav.label || p.title))))));
  nav.addEventListener('click', (e) => {
    if (e.target.closest('a')) {
      nav.classList.remove('open');
      document.querySelector('.menu-toggle')?.setAttribute('aria-expanded', 'false');
    }
  });
  markCurrent(currentPath());
}

function markCurrent(path) {
  let best = null;
  document.querySelectorAll('#nav a').forEach((a) => {
    a.removeAttribute('aria-current');
    const p = a.dataset.nav;
    if ((path === p || (p !== '/' && path.startsWith(`${p}/`))) && (!best || p.length > best.dataset.nav.length)) best = a;
  });
  best?.setAttribute('aria-current', 'page');
}

async function relabel() {
  drawTop();
  if (!ctx) {
    signInPage();
    return;
  }
  ctx.me = (await api('GET', '/api/v1/me')).data;
  drawTop();
  drawNav();
  await render();
}

function sessionExpired() {
  const entry = auth.currentTenant();
  dialog(t('session.signInAgain'), h('p', null, t('session.expired')),
    [{ label: t('session.signInAgain'), value: 'again', class: 'primary' }])
    .then(() => auth.signIn(entry, { returnTo: location.hash, language: lang() }));
}

async function boot() {
  setLang(lang());
  drawTop();
  auth.onExpired(sessionExpired);
  const outcome = await auth.completeSignIn();
  if (outcome && !outcome.ok) {
    // A silent sign-in that found no Keycloak session, or a refused one: show the picker for the same tenant.
    signInPage({ entry: outcome.entry, error: outcome.silent && outcome.error === 'login_required' ? null : outcome.error });
    return;
  }
  if (!outcome) {
    const wanted = new URLSearchParams(location.search).get('tenant');
    if (wanted) {
      const entry = await auth.directoryEntry(wanted, lang());
      if (entry) {
        await auth.signIn(entry, { language: lang() });
        return;
      }
      history.replaceState(null, '', '/');
      signInPage({ error: 'unknown_tenant' });
      return;
    }
    const remembered = auth.currentTenant();
    if (remembered) {
      await auth.signIn(remembered, { silent: true, language: lang() });
      return;
    }
    signInPage();
    return;
  }
  try {
    const me = (await api('GET', '/api/v1/me')).data;
    ctx = { me, role: me.roles[0].code, memberId: me.memberOperatorId ?? null, tenant: me.tenant };
  } catch (e) {
    signInPage({ error: 'not_registered', entry: auth.currentTenant() });
    return;
  }
  drawTop();
  drawNav();
  await start(ctx, markCurrent);
  if (currentPath() === '/' && !location.hash) go('/');
}

boot().catch((e) => {
  const main = document.getElementById('main');
  mount(main, h('h1', null, t('app.error')), h('p', null, e.message));
});
