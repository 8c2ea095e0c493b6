// Platform administration: the CEPTOAR tenants, their creation (realm from the template, first secretariat admin
// invited), suspension and reactivation.
import { h } from '../dom.js';
import { t, messages, dateTime } from '../i18n.js';
import { api, all } from '../api.js';
import { page, go } from '../router.js';
import { heading, link, table, facts, badge, notice, confirm, act } from '../ui.js';
import { buildForm, clean, idempotencyKey } from '../forms.js';
import { reference } from '../codes.js';

messages({
  ja: { 'tenants.title': 'テナント', 'tenants.new': 'テナントを作成', 'tenants.code': 'コード', 'tenants.codeHint': '英小文字・数字・ハイフン（3〜32文字）。Keycloak のレルム名 ceptoar-<コード> になります。',
    'tenants.nameJa': '名称（日本語）', 'tenants.nameEn': '名称（英語）', 'tenants.ceptoar': 'セプター一覧の該当', 'tenants.staleAfter': '記録の確認期限（日）',
    'tenants.firstAdmin': '最初の事務局管理者', 'tenants.suspend': '停止', 'tenants.reactivate': '再開', 'tenants.kind': '種別',
    'tenants.suspendConfirm': '停止すると、このテナントの全ユーザーのトークンが拒否されます。', 'tenants.ACTIVE': '稼働中', 'tenants.SUSPENDED': '停止中',
    'tenants.created': 'テナント {name} を作成しました。', 'tenants.realm': 'レルム', 'tenants.signInUrl': 'サインイン用 URL' },
  en: { 'tenants.title': 'Tenants', 'tenants.new': 'Create a tenant', 'tenants.code': 'Code', 'tenants.codeHint': 'Lower-case letters, digits and hyphens (3–32). The Keycloak realm becomes ceptoar-<code>.',
    'tenants.nameJa': 'Name (Japanese)', 'tenants.nameEn': 'Name (English)', 'tenants.ceptoar': 'Entry in the CEPTOAR list', 'tenants.staleAfter': 'Records stale after (days)',
    'tenants.firstAdmin': 'First secretariat administrator', 'tenants.suspend': 'Suspend', 'tenants.reactivate': 'Reactivate', 'tenants.kind': 'Kind',
    'tenants.suspendConfirm': 'Suspending refuses the tokens of every user of this tenant.', 'tenants.ACTIVE': 'Active', 'tenants.SUSPENDED': 'Suspended',
    'tenants.created': 'Tenant {name} created.', 'tenants.realm': 'Realm', 'tenants.signInUrl': 'Sign-in URL' },
});

const ADMIN = ['platform-admin'];

page('/tenants', {
  title: 'tenants.title', roles: ADMIN, nav: { order: 10 },
  async render() {
    const items = await all('/api/v1/platform/tenants');
    return [heading(t('tenants.title'), link('#/tenants/new', t('tenants.new'), { class: 'button primary' })),
      table([
        { label: t('common.name'), cell: (x) => link(`#/tenants/${x.id}`, x.name) },
        { label: t('tenants.code'), cell: (x) => x.code },
        { label: t('tenants.kind'), cell: (x) => x.kind },
        { label: t('common.status'), cell: (x) => badge(x.status, t(`tenants.${x.status}`)) },
        { label: t('common.updatedAt'), cell: (x) => dateTime(x.updatedAt) },
      ], items, { caption: t('tenants.title') })];
  },
});

page('/tenants/new', {
  title: 'tenants.new', roles: ADMIN,
  async render() {
    const form = await buildForm({
      fields: [
        { name: 'code', label: 'tenants.code', kind: 'text', required: true, max: 32, hint: { ja: t('tenants.codeHint'), en: t('tenants.codeHint') } },
        { name: 'nameJa', label: 'tenants.nameJa', kind: 'text', required: true, max: 200 },
        { name: 'nameEn', label: 'tenants.nameEn', kind: 'text', required: true, max: 200, lang: 'en' },
        { name: 'ceptoarCode', label: 'tenants.ceptoar', kind: 'select',
          options: async () => (await reference('/api/v1/reference/ceptoars')).map((c) => ({ code: c.code, label: c.label })) },
        { name: 'staleAfterDays', label: 'tenants.staleAfter', kind: 'number', min: 1 },
        { name: 'firstAdmin', label: 'tenants.firstAdmin', kind: 'group', fields: [
          { name: 'username', label: 'users.username', kind: 'text', required: true, max: 100 },
          { name: 'email', label: 'users.email', kind: 'email', required: true, max: 254 },
          { name: 'displayName', label: 'users.displayName', kind: 'text', max: 200 },
        ] },
      ],
      value: { staleAfterDays: 180 }, draftKey: 'tenant/new', extra: { key: idempotencyKey() }, labelledBy: 'page-title',
      onCancel: () => go('/tenants'),
      async onSubmit(value, f) {
        const { data } = await api('POST', '/api/v1/platform/tenants', { body: clean(value), idempotencyKey: f.extra().key });
        f.clearDraft();
        sessionStorage.setItem(`ceptoar.created:${data.id}`, JSON.stringify(data.firstAdmin || {}));
        go(`/tenants/${data.id}`);
      } });
    return [h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, t('tenants.new'))), form.element];
  },
});

page('/tenants/:id', {
  title: 'tenants.title', roles: ADMIN,
  async render(ctx, { id }) {
    const { data: x } = await api('GET', `/api/v1/platform/tenants/${id}`);
    const created = JSON.parse(sessionStorage.getItem(`ceptoar.created:${id}`) || 'null');
    sessionStorage.removeItem(`ceptoar.created:${id}`);
    const active = x.status === 'ACTIVE';
    return [heading(x.name, x.kind === 'CEPTOAR' ? h('button', { type: 'button', class: active ? 'danger' : 'secondary', on: { click: act(async () => {
      if (active && !(await confirm(t('tenants.suspend'), t('tenants.suspendConfirm'), t('tenants.suspend'), true))) return;
      await api('POST', `/api/v1/platform/tenants/${id}/${active ? 'suspend' : 'reactivate'}`);
      go(`/tenants/${id}`);
    }) } }, active ? t('tenants.suspend') : t('tenants.reactivate')) : null),
    created ? notice('success', h('p', null, t('tenants.created', { name: x.name })),
      created.temporaryPassword ? h('p', { class: 'secret' }, t('users.tempPassword', { password: created.temporaryPassword })) : null,
      created.emailSent ? h('p', null, t('users.emailSent')) : null) : null,
    facts([[t('tenants.code'), x.code], [t('tenants.nameJa'), x.nameJa], [t('tenants.nameEn'), x.nameEn], [t('tenants.kind'), x.kind],
      [t('common.status'), badge(x.status, t(`tenants.${x.status}`))], [t('tenants.realm'), x.realm],
      [t('tenants.signInUrl'), `${location.origin}/?tenant=${x.code}`],
      [t('tenants.staleAfter'), String(x.staleAfterDays)], [t('common.updatedAt'), dateTime(x.updatedAt)]])];
  },
});
