// Member operators: search and filters, registration, details with edit, suspend and reinstate; the way into a
// member's records, users and export.
import { h, mount } from '../dom.js';
import { t, messages, dateTime, pick } from '../i18n.js';
import { api } from '../api.js';
import { page, go } from '../router.js';
import { heading, link, button, table, facts, badge, flash, dialog } from '../ui.js';
import { buildForm, clean, idempotencyKey } from '../forms.js';
import { options, reference } from '../codes.js';

messages({
  ja: { 'members.title': '事業者', 'members.new': '事業者を登録', 'members.q': '名称・フリガナ', 'members.sector': '分野',
    'members.kind': '区分', 'members.records': '記録', 'members.users': 'ユーザー', 'members.suspend': '停止', 'members.reinstate': '再開',
    'members.suspendReason': '停止の理由', 'members.suspended': '停止しました。', 'members.reinstated': '再開しました。',
    'members.edit': '事業者情報を編集', 'members.number': '法人番号 / 地方公共団体コード', 'members.freshness': '記録の状況' },
  en: { 'members.title': 'Members', 'members.new': 'Register a member', 'members.q': 'Name or kana', 'members.sector': 'Sector',
    'members.kind': 'Membership', 'members.records': 'Records', 'members.users': 'Users', 'members.suspend': 'Suspend', 'members.reinstate': 'Reinstate',
    'members.suspendReason': 'Reason for suspension', 'members.suspended': 'Suspended.', 'members.reinstated': 'Reinstated.',
    'members.edit': 'Edit member', 'members.number': 'Corporate number / local government code', 'members.freshness': 'Record status' },
});

const L = (ja, en) => ({ ja, en });
const SECRETARIAT = ['secretariat-admin', 'secretariat-staff'];

async function sectorOptions() {
  const sectors = await reference('/api/v1/reference/sectors');
  return sectors.map((s) => ({ code: s.code, label: s.label }));
}

async function subSectorOptions() {
  const sectors = await reference('/api/v1/reference/sectors');
  return sectors.flatMap((s) => s.subSectors.map((x) => ({ code: x.code, label: `${s.label} / ${x.label}` })));
}

const memberFields = () => [
  { name: 'nameJa', label: L('名称', 'Name (Japanese)'), kind: 'text', required: true, max: 200 },
  { name: 'nameKana', label: L('フリガナ', 'Name (kana)'), kind: 'text', required: true, max: 200 },
  { name: 'nameEn', label: L('名称（英字）', 'Name (Latin)'), kind: 'text', max: 200, lang: 'en' },
  { name: 'corporateNumber', label: L('法人番号（13桁）', 'Corporate number (13 digits)'), kind: 'text', max: 13, inputmode: 'numeric' },
  { name: 'localGovernmentCode', label: L('全国地方公共団体コード（6桁）', 'Local government code (6 digits)'), kind: 'text', max: 6, inputmode: 'numeric' },
  { name: 'sectorCode', label: L('重要インフラ分野', 'Critical infrastructure sector'), kind: 'select', required: true, options: sectorOptions },
  { name: 'subSectorCode', label: L('小分類', 'Sub-sector'), kind: 'select', options: subSectorOptions },
  { name: 'employeeBand', label: L('従業員数', 'Employees'), kind: 'select', options: () => options('EmployeeBand') },
  { name: 'capitalBand', label: L('資本金', 'Capital'), kind: 'select', options: () => options('CapitalBand') },
  { name: 'membershipKind', label: L('区分', 'Membership'), kind: 'select',
    options: async () => (await options('MembershipKind')).filter((o) => o.code !== 'SUSPENDED') },
  { name: 'address', label: L('所在地', 'Address'), kind: 'text', max: 500 },
  { name: 'notes', label: 'common.notes', kind: 'textarea', max: 2000 },
];

page('/members', {
  title: 'members.title', roles: SECRETARIAT, nav: { order: 20 },
  async render(ctx, params, query) {
    const [sectors, kinds] = await Promise.all([sectorOptions(), options('MembershipKind')]);
    const rows = [];
    const body = h('div');
    let cursor;
    const load = async () => {
      const { data } = await api('GET', '/api/v1/members', { query: { q: query.q, sectorCode: query.sectorCode,
        membershipKind: query.membershipKind, limit: 50, cursor } });
      rows.push(...data.items);
      cursor = data.nextCursor;
      mount(body, table([
        { label: t('common.name'), cell: (m) => link(`#/members/${m.id}`, m.nameJa) },
        { label: t('members.sector'), cell: (m) => sectors.find((s) => s.code === m.sectorCode)?.label || m.sectorCode },
        { label: t('members.kind'), cell: (m) => badge(m.membershipKind === 'SUSPENDED' ? 'SUSPENDED' : 'ACTIVE', m.membershipKindLabel) },
        { label: t('common.updatedAt'), cell: (m) => dateTime(m.updatedAt) },
      ], rows, { caption: t('members.title') }), cursor ? button(t('common.loadMore'), load) : null);
    };
    await load();
    const select = (id, name, label, opts) => h('div', { class: 'field' }, h('label', { for: id }, label),
      h('select', { id, name }, h('option', { value: '' }, t('common.all')),
        opts.map((o) => h('option', { value: o.code, selected: o.code === query[name] }, o.label))));
    return [
      heading(t('members.title'), link('#/members/new', t('members.new'), { class: 'button primary' }),
        link('#/import', t('import.title'), { class: 'button secondary' })),
      h('form', { class: 'filters', role: 'search', on: { submit: (e) => {
        e.preventDefault();
        const qs = new URLSearchParams([...new FormData(e.target).entries()].filter(([, v]) => v));
        go(`/members${qs.toString() ? `?${qs}` : ''}`);
      } } },
      h('div', { class: 'field' }, h('label', { for: 'mq' }, t('members.q')), h('input', { id: 'mq', name: 'q', type: 'search', value: query.q || '' })),
      select('ms', 'sectorCode', t('members.sector'), sectors), select('mk', 'membershipKind', t('members.kind'), kinds),
      h('button', { type: 'submit', class: 'secondary' }, t('common.search'))),
      body,
    ];
  },
});

page('/members/new', {
  title: 'members.new', roles: SECRETARIAT,
  async render() {
    const form = await buildForm({ fields: memberFields(), draftKey: 'member/new', extra: { key: idempotencyKey() },
      labelledBy: 'page-title', onCancel: () => go('/members'),
      async onSubmit(value, f) {
        const { data } = await api('POST', '/api/v1/members', { body: clean(value), idempotencyKey: f.extra().key });
        f.clearDraft();
        go(`/members/${data.id}`);
      } });
    return [h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, t('members.new'))), form.element];
  },
});

page('/members/:id', {
  title: 'members.title', roles: SECRETARIAT,
  async render(ctx, { id }) {
    const loaded = await api('GET', `/api/v1/members/${id}`);
    const m = loaded.data;
    const [sectors, subs] = await Promise.all([sectorOptions(), subSectorOptions()]);
    const content = h('div');
    const suspended = m.membershipKind === 'SUSPENDED';
    const show = () => mount(content, 
      heading(m.nameJa,
        button(t('common.edit'), edit, 'primary'),
        ctx.role === 'secretariat-admin' ? button(suspended ? t('members.reinstate') : t('members.suspend'), async () => {
          if (suspended) {
            await api('POST', `/api/v1/members/${id}/reinstate`);
            go(`/members/${id}`);
            return;
          }
          const reason = h('textarea', { id: 'suspend-reason', rows: 3 });
          const ok = await dialog(t('members.suspend'), h('div', { class: 'field' },
            h('label', { for: 'suspend-reason' }, t('members.suspendReason')), reason),
          [{ label: t('common.cancel'), value: 'cancel' }, { label: t('members.suspend'), value: 'ok', class: 'danger' }]);
          if (ok === 'ok') {
            await api('POST', `/api/v1/members/${id}/suspend`, { body: { reason: reason.value.trim() || null } });
            go(`/members/${id}`);
          }
        }, suspended ? 'secondary' : 'danger') : null),
      h('ul', { class: 'button-row' }, h('li', null, link(`#/m/${id}`, t('members.records'), { class: 'button secondary' })),
        h('li', null, link(`#/users?member=${id}`, t('members.users'), { class: 'button secondary' })),
        h('li', null, link(`#/assessment/${id}`, t('sa.title'), { class: 'button secondary' })),
        h('li', null, link(`#/export/${id}`, t('export.title'), { class: 'button secondary' }))),
      facts([
        [pick(L('フリガナ', 'Kana')), m.nameKana], [pick(L('名称（英字）', 'Name (Latin)')), m.nameEn],
        [t('members.number'), m.corporateNumber || m.localGovernmentCode],
        [t('members.sector'), [sectors.find((s) => s.code === m.sectorCode)?.label, subs.find((s) => s.code === m.subSectorCode)?.label]
          .filter(Boolean).join(' / ')],
        [t('members.kind'), m.membershipKindLabel], [pick(L('停止の理由', 'Suspension reason')), m.suspensionReason],
        [pick(L('所在地', 'Address')), m.address], [t('common.notes'), m.notes], [t('common.updatedAt'), dateTime(m.updatedAt)]]));
    async function edit() {
      const form = await buildForm({ fields: memberFields(), value: m, draftKey: `member/${id}`, extra: { etag: loaded.etag },
        labelledBy: 'edit-title', onCancel: () => go(`/members/${id}`),
        async onSubmit(value, f) {
          await api('PATCH', `/api/v1/members/${id}`, { body: clean(value, 'update'), ifMatch: f.extra().etag });
          f.clearDraft();
          go(`/members/${id}`);
        } });
      mount(content, h('div', { class: 'page-head' }, h('h1', { id: 'edit-title', tabindex: '-1' }, t('members.edit'))), form.element);
      content.querySelector('h1').focus();
    }
    show();
    if (sessionStorage.getItem(`ceptoar.draft:member/${id}`)) await edit();
    return content;
  },
});
