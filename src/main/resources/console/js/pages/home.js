// Home: each role lands on its main page. Operators get a dashboard of what needs attention in their records.
import { h } from '../dom.js';
import { t, messages, dateTime, date } from '../i18n.js';
import { api, all } from '../api.js';
import { page } from '../router.js';
import { heading, link, table, notice, facts } from '../ui.js';
import { RECORD_TYPES } from '../record-types.js';
import { statusBadge } from './records.js';

messages({
  ja: {
    'home.dashboard': 'ダッシュボード', 'home.attention': '対応が必要な記録', 'home.allCurrent': 'すべての記録が最新です。',
    'home.do.MISSING': '登録する', 'home.do.STALE': '内容を確認して「変更なし」を記録', 'home.do.INCOMPLETE': '不足を補う',
    'home.staleAfter': '{days}日以上更新・確認されていない記録は「確認期限切れ」になります。', 'home.campaigns': '自己評価の依頼',
    'home.deadline': '提出期限 {date}', 'home.coverage': '連絡先の不足: {items}', 'home.recordType': '記録の種類',
    'home.overall': '全体の状況', 'home.answer': '回答する',
  },
  en: {
    'home.dashboard': 'Dashboard', 'home.attention': 'Records that need attention', 'home.allCurrent': 'Every record is current.',
    'home.do.MISSING': 'Add', 'home.do.STALE': 'Review and confirm unchanged', 'home.do.INCOMPLETE': 'Complete',
    'home.staleAfter': 'Records not changed or confirmed for {days} days become stale.', 'home.campaigns': 'Self-assessment requests',
    'home.deadline': 'Due {date}', 'home.coverage': 'Missing in the call tree: {items}', 'home.recordType': 'Record type',
    'home.overall': 'Overall', 'home.answer': 'Answer',
  },
});

const HOME = {
  'operator-admin': '/dashboard', 'operator-staff': '/dashboard', 'secretariat-admin': '/freshness',
  'secretariat-staff': '/freshness', 'platform-admin': '/tenants', 'nisc-analyst': '/alerts', 'ministry-officer': '/alerts',
};

page('/', {
  title: 'app.home',
  async render(ctx) {
    location.replace(`#${HOME[ctx.role] || '/reference'}`);
    return [];
  },
});

page('/dashboard', {
  title: 'home.dashboard', roles: ['operator-admin', 'operator-staff'],
  nav: { order: 10 },
  async render(ctx) {
    const memberId = ctx.memberId;
    const [fresh, coverage, campaigns] = await Promise.all([
      api('GET', `/api/v1/members/${memberId}/freshness`),
      api('GET', `/api/v1/members/${memberId}/contacts/coverage`).catch(() => null),
      all('/api/v1/self-assessment/campaigns').catch(() => []),
    ]);
    const d = fresh.data;
    const byCode = Object.fromEntries(d.recordTypes.map((r) => [r.code, r.label]));
    const target = (code) => (code === 'self-assessment' ? `#/assessment/${memberId}`
      : `#/m/${memberId}/${RECORD_TYPES.find((r) => r.freshness === code)?.type || ''}`);
    const attention = d.records.filter((r) => r.status !== 'CURRENT');
    const missing = coverage?.data.functions.filter((f) => f.required && !f.complete)
      .map((f) => `${f.functionLabel}（${f.missing.map((m) => t(`order.${m}`)).join('・')}）`) || [];
    const open = campaigns.filter((c) => c.open);
    return [
      heading(t('home.dashboard')),
      facts([[t('home.overall'), statusBadge({ status: d.status })]]),
      h('section', { 'aria-labelledby': 'attention-h' }, h('h2', { id: 'attention-h' }, t('home.attention')),
        attention.length ? table([
          { label: t('home.recordType'), cell: (r) => link(target(r.recordType), byCode[r.recordType] || r.recordType) },
          { label: t('common.status'), cell: (r) => statusBadge(r) },
          { label: t('records.lastChanged'), cell: (r) => dateTime(r.lastChangedAt) },
          { label: t('records.lastConfirmed'), cell: (r) => dateTime(r.lastConfirmedAt) },
          { label: t('common.actions'), cell: (r) => link(target(r.recordType), t(`home.do.${r.status}`)) },
        ], attention, { caption: t('home.attention') }) : notice('success', t('home.allCurrent')),
        missing.length ? notice('warn', t('home.coverage', { items: missing.join('、') })) : null,
        h('p', { class: 'hint' }, t('home.staleAfter', { days: d.staleAfterDays }))),
      open.length ? h('section', { 'aria-labelledby': 'campaigns-h' }, h('h2', { id: 'campaigns-h' }, t('home.campaigns')),
        h('ul', null, open.map((c) => h('li', null, link(`#/assessment/${memberId}?campaign=${c.id}`, c.title), ' — ',
          t('home.deadline', { date: date(c.deadline) }))))) : null,
    ];
  },
});

messages({
  ja: { 'order.PRIMARY': '正', 'order.DEPUTY': '副', 'order.AFTER_HOURS': '時間外' },
  en: { 'order.PRIMARY': 'primary', 'order.DEPUTY': 'deputy', 'order.AFTER_HOURS': 'after hours' },
});
