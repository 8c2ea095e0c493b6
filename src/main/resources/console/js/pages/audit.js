// The audit log (append-only, hash-chained per tenant) and the verification of its chain.
import { h, mount } from '../dom.js';
import { t, messages, dateTime, number } from '../i18n.js';
import { api } from '../api.js';
import { page } from '../router.js';
import { heading, table, button, notice } from '../ui.js';

messages({
  ja: { 'audit.title': '監査ログ', 'audit.verify': 'チェーンを検証', 'audit.valid': 'ハッシュチェーンは正常です（{count}件を検証）。',
    'audit.broken': 'ハッシュチェーンが壊れています: 連番 {seq} — {problem}', 'audit.seq': '連番', 'audit.at': '日時', 'audit.actor': '実行者',
    'audit.action': '操作', 'audit.entity': '対象', 'audit.details': '詳細' },
  en: { 'audit.title': 'Audit log', 'audit.verify': 'Verify the chain', 'audit.valid': 'The hash chain is intact ({count} entries checked).',
    'audit.broken': 'The hash chain is broken at entry {seq}: {problem}', 'audit.seq': 'Seq', 'audit.at': 'When', 'audit.actor': 'Who',
    'audit.action': 'Action', 'audit.entity': 'Entity', 'audit.details': 'Details' },
});

page('/audit', {
  title: 'audit.title', roles: ['secretariat-admin', 'secretariat-staff', 'platform-admin'], nav: { order: 90 },
  async render() {
    const rows = [];
    const body = h('div');
    const verdict = h('div', { id: 'audit-verdict' });
    let cursor;
    const load = async () => {
      const { data } = await api('GET', '/api/v1/audit-log', { query: { limit: 50, cursor } });
      rows.push(...data.items);
      cursor = data.nextCursor;
      mount(body, table([
        { label: t('audit.seq'), class: 'num', cell: (e) => String(e.seq) },
        { label: t('audit.at'), cell: (e) => dateTime(e.occurredAt) },
        { label: t('audit.actor'), cell: (e) => e.actorName || e.actorSubject || '—' },
        { label: t('audit.action'), cell: (e) => e.action },
        { label: t('audit.entity'), cell: (e) => `${e.entityType}${e.entityId ? ` #${e.entityId}` : ''}` },
        { label: t('audit.details'), cell: (e) => e.details || '' },
      ], rows, { caption: t('audit.title') }), cursor ? button(t('common.loadMore'), load) : null);
    };
    await load();
    return [heading(t('audit.title'), button(t('audit.verify'), async () => {
      const { data } = await api('GET', '/api/v1/audit-log/verification');
      mount(verdict, data.valid ? notice('success', t('audit.valid', { count: number(data.checkedEntries) }))
        : notice('error', t('audit.broken', { seq: data.firstBrokenSeq, problem: data.problem || '' })));
    }, 'primary', { id: 'verify-chain' })), verdict, body];
  },
});
