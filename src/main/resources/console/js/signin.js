// The sign-in page: the user picks their CEPTOAR (or the national tier) from the public directory; the last choice
// is offered first. A tenant-specific URL (/?tenant=code) skips the picker.
import { h, mount } from './dom.js';
import { t, lang, messages } from './i18n.js';
import * as auth from './auth.js';

messages({
  ja: {
    'signin.title': 'サインイン', 'signin.intro': '所属するセプター（または国の機関）を選んでください。各組織の認証画面（Keycloak）でサインインします。',
    'signin.national': '国の機関', 'signin.ceptoars': 'セプター', 'signin.filter': '組織名で絞り込み',
    'signin.last': '前回の組織', 'signin.error.unknown_tenant': '指定された組織は見つかりません（停止中か、存在しません）。',
    'signin.error.not_registered': 'このアカウントは CEPTOAR Hub に登録されていないか、無効化されています。',
    'signin.error.access_denied': 'サインインが取り消されました。', 'signin.error.generic': 'サインインできませんでした（{code}）。',
    'signin.noscript': '',
  },
  en: {
    'signin.title': 'Sign in', 'signin.intro': 'Choose your CEPTOAR (or the national tier). You sign in on your organisation\'s own sign-in page (Keycloak).',
    'signin.national': 'National tier', 'signin.ceptoars': 'CEPTOARs', 'signin.filter': 'Filter by name',
    'signin.last': 'Last used', 'signin.error.unknown_tenant': 'That organisation was not found (suspended or unknown).',
    'signin.error.not_registered': 'This account is not registered in CEPTOAR Hub, or it is disabled.',
    'signin.error.access_denied': 'Sign-in was cancelled.', 'signin.error.generic': 'Could not sign in ({code}).',
    'signin.noscript': '',
  },
});

const LAST = 'ceptoar.lastTenant';

export async function signInPage({ entry = null, error = null } = {}) {
  const main = document.getElementById('main');
  document.title = `${t('signin.title')} — ${t('app.name')}`;
  let items = [];
  try {
    items = await auth.directory(lang());
  } catch (e) {
    error = 'directory';
  }
  const last = entry?.code || localStorage.getItem(LAST);
  const choose = (item) => {
    localStorage.setItem(LAST, item.code);
    auth.signIn(item, { language: lang() });
  };
  const option = (item) => h('li', null, h('button', { type: 'button', class: item.code === last ? 'tenant primary' : 'tenant',
    dataset: { tenant: item.code }, on: { click: () => choose(item) } },
    h('span', { class: 'tenant-title' }, item.name),
    item.code === last ? h('span', { class: 'tenant-note' }, t('signin.last')) : null));
  const national = items.filter((i) => i.kind === 'NATIONAL');
  const ceptoars = items.filter((i) => i.kind !== 'NATIONAL');
  const list = h('ul', { class: 'tenant-list', id: 'ceptoar-list' }, ceptoars.map(option));
  const filter = h('input', { type: 'search', id: 'tenant-filter', autocomplete: 'off',
    on: { input: (e) => {
      const q = e.target.value.trim().toLowerCase();
      [...list.children].forEach((li) => { li.hidden = q && !li.textContent.toLowerCase().includes(q); });
    } } });
  const errorText = error ? t(`signin.error.${error}`) : null;
  mount(main,
    h('h1', { tabindex: '-1' }, t('signin.title')),
    errorText ? h('div', { class: 'notice error', role: 'alert' },
      errorText.startsWith('⟦') ? t('signin.error.generic', { code: error }) : errorText) : null,
    h('p', null, t('signin.intro')),
    h('section', { 'aria-labelledby': 'national-h' }, h('h2', { id: 'national-h' }, t('signin.national')),
      h('ul', { class: 'tenant-list' }, national.map(option))),
    h('section', { 'aria-labelledby': 'ceptoars-h' }, h('h2', { id: 'ceptoars-h' }, t('signin.ceptoars')),
      ceptoars.length > 6 ? h('div', { class: 'field' }, h('label', { for: 'tenant-filter' }, t('signin.filter')), filter) : null,
      list));
  main.querySelector('h1').focus();
}
