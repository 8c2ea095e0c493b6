// The secretariat's freshness dashboard: per record type, the share of members whose records are current, incomplete,
// stale or missing (a chart with its table), and the members with what is wrong, filterable; CSV for spreadsheets.
import { h } from '../dom.js';
import { t, messages, dateTime, number } from '../i18n.js';
import { api, saveBlob } from '../api.js';
import { page, go } from '../router.js';
import { heading, link, button, table } from '../ui.js';
import { stackedBars } from '../charts.js';
import { options } from '../codes.js';
import { statusBadge } from './records.js';

messages({
  ja: { 'fresh.title': '記録の鮮度', 'fresh.chart': '記録の種類ごとの状況（事業者数の割合）', 'fresh.members': '事業者ごとの状況',
    'fresh.csv': 'CSV でダウンロード', 'fresh.q': '事業者名（カナ可）', 'fresh.status': '状況', 'fresh.recordType': '記録の種類',
    'fresh.lastActive': '最終利用', 'fresh.apply': '絞り込む', 'fresh.counts': '件数', 'fresh.staleAfter': '{days}日以上更新・確認のない記録を「確認期限切れ」としています。',
    'fresh.total': '事業者数 {count}' },
  en: { 'fresh.title': 'Record freshness', 'fresh.chart': 'Status per record type (share of members)', 'fresh.members': 'Members',
    'fresh.csv': 'Download CSV', 'fresh.q': 'Member name (kana works)', 'fresh.status': 'Status', 'fresh.recordType': 'Record type',
    'fresh.lastActive': 'Last active', 'fresh.apply': 'Filter', 'fresh.counts': 'Counts', 'fresh.staleAfter': 'Records not changed or confirmed for {days} days are stale.',
    'fresh.total': '{count} members' },
});

const STATUSES = [
  { key: 'CURRENT', cls: 'ok' }, { key: 'INCOMPLETE', cls: 'warn' }, { key: 'STALE', cls: 'bad' }, { key: 'MISSING', cls: 'missing' }];

page('/freshness', {
  title: 'fresh.title', roles: ['secretariat-admin', 'secretariat-staff'], nav: { order: 10 },
  async render(ctx, params, query) {
    const [{ data }, statusOptions] = await Promise.all([
      api('GET', '/api/v1/members/freshness', { query: { status: query.status, recordType: query.recordType, q: query.q } }),
      options('FreshnessStatus')]);
    const types = data.recordTypes.filter((r) => r.available);
    const keys = STATUSES.map((s) => ({ ...s, label: t(`fresh.${s.key}`) }));
    const rows = types.map((rt) => ({ label: rt.label, code: rt.code, parts: STATUSES.map((s) => ({ key: s.key,
      value: data.items.filter((m) => m.records.find((r) => r.recordType === rt.code)?.status === s.key).length })) }));
    const filter = h('form', { class: 'filters', role: 'search', on: { submit: (e) => {
      e.preventDefault();
      const f = new FormData(e.target);
      const qs = new URLSearchParams([...f.entries()].filter(([, v]) => v));
      go(`/freshness${qs.toString() ? `?${qs}` : ''}`);
    } } },
    h('div', { class: 'field' }, h('label', { for: 'fq' }, t('fresh.q')), h('input', { id: 'fq', name: 'q', type: 'search', value: query.q || '' })),
    h('div', { class: 'field' }, h('label', { for: 'fs' }, t('fresh.status')), h('select', { id: 'fs', name: 'status' },
      h('option', { value: '' }, t('common.all')), statusOptions.map((o) => h('option', { value: o.code, selected: o.code === query.status }, o.label)))),
    h('div', { class: 'field' }, h('label', { for: 'ft' }, t('fresh.recordType')), h('select', { id: 'ft', name: 'recordType' },
      h('option', { value: '' }, t('common.all')), types.map((o) => h('option', { value: o.code, selected: o.code === query.recordType }, o.label)))),
    h('button', { type: 'submit', class: 'secondary' }, t('fresh.apply')));
    return [
      heading(t('fresh.title'), button(t('fresh.csv'), async () => {
        const r = await api('GET', '/api/v1/members/freshness', { query: { format: 'csv', status: query.status,
          recordType: query.recordType, q: query.q }, accept: 'text/csv', blob: true });
        saveBlob(r.data, 'member-freshness.csv');
      })),
      h('p', { class: 'hint' }, t('fresh.staleAfter', { days: data.staleAfterDays }), ' ', t('fresh.total', { count: number(data.items.length) }),
        ` (${dateTime(data.generatedAt)})`),
      h('div', { class: 'chart-block' }, stackedBars(rows, keys, { title: t('fresh.chart') }),
        table([{ label: t('fresh.recordType'), cell: (r) => r.label },
          ...keys.map((k) => ({ label: k.label, class: 'num', cell: (r) => number(r.parts.find((p) => p.key === k.key).value) }))],
        rows, { caption: `${t('fresh.chart')}: ${t('fresh.counts')}` })),
      h('h2', null, t('fresh.members')),
      filter,
      table([
        { label: t('common.member'), cell: (m) => link(`#/members/${m.memberId}`, m.nameJa) },
        { label: t('home.overall'), cell: (m) => statusBadge(m) },
        ...types.map((rt) => ({ label: rt.label, cell: (m) => statusBadge(m.records.find((r) => r.recordType === rt.code)) })),
        { label: t('fresh.lastActive'), cell: (m) => (m.lastActiveAt ? `${dateTime(m.lastActiveAt)} ${m.lastActiveUsername || ''}` : '—') },
      ], data.items, { caption: t('fresh.members') }),
    ];
  },
});
