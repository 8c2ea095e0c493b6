// Self-assessment campaigns: the secretariat sets a reference date and a deadline, follows each member's progress,
// reads a submission's frozen answers and accepts it or returns it with a comment.
import { h } from '../dom.js';
import { t, messages, dateTime, date, todayJst } from '../i18n.js';
import { api, all } from '../api.js';
import { page, go } from '../router.js';
import { heading, link, table, facts, badge, notice, dialog, progress, act } from '../ui.js';
import { buildForm, clean, idempotencyKey } from '../forms.js';

messages({
  ja: { 'campaigns.title': '自己評価の依頼', 'campaigns.new': '依頼を作成', 'campaigns.titleField': '件名', 'campaigns.open': '受付中',
    'campaigns.closed': '締切後', 'campaigns.progress': '提出状況', 'campaigns.accept': '受理', 'campaigns.return': '差し戻す',
    'campaigns.comment': 'コメント（差し戻しでは必須）', 'campaigns.submission': '{member} の提出', 'campaigns.round': '第{round}回',
    'campaigns.answers': '提出された回答', 'campaigns.question': '設問', 'campaigns.answer': '回答', 'campaigns.late': '期限後',
    'campaigns.summary': '事業者 {members} / 提出 {submitted} / 受理 {accepted} / 差し戻し {returned} / 未提出 {notSubmitted}',
    'campaigns.reviewed': '{who} が {at} に確認: {comment}' },
  en: { 'campaigns.title': 'Self-assessment requests', 'campaigns.new': 'New request', 'campaigns.titleField': 'Title', 'campaigns.open': 'Open',
    'campaigns.closed': 'Closed', 'campaigns.progress': 'Progress', 'campaigns.accept': 'Accept', 'campaigns.return': 'Return',
    'campaigns.comment': 'Comment (required when returning)', 'campaigns.submission': 'Submission of {member}', 'campaigns.round': 'round {round}',
    'campaigns.answers': 'Submitted answers', 'campaigns.question': 'Question', 'campaigns.answer': 'Answer', 'campaigns.late': 'late',
    'campaigns.summary': '{members} members / {submitted} submitted / {accepted} accepted / {returned} returned / {notSubmitted} not submitted',
    'campaigns.reviewed': 'Reviewed by {who} at {at}: {comment}' },
});

const SECRETARIAT = ['secretariat-admin', 'secretariat-staff'];

page('/campaigns', {
  title: 'campaigns.title', roles: SECRETARIAT, nav: { order: 30 },
  async render() {
    const items = await all('/api/v1/self-assessment/campaigns');
    return [heading(t('campaigns.title'), link('#/campaigns/new', t('campaigns.new'), { class: 'button primary' })),
      table([
        { label: t('campaigns.titleField'), cell: (c) => link(`#/campaigns/${c.id}`, c.title) },
        { label: t('sa.referenceDate'), cell: (c) => date(c.referenceDate) },
        { label: t('sa.deadline'), cell: (c) => date(c.deadline) },
        { label: t('common.status'), cell: (c) => badge(c.open ? 'ACTIVE' : 'SUSPENDED', c.open ? t('campaigns.open') : t('campaigns.closed')) },
      ], items, { caption: t('campaigns.title') })];
  },
});

page('/campaigns/new', {
  title: 'campaigns.new', roles: SECRETARIAT,
  async render() {
    const form = await buildForm({
      fields: [
        { name: 'title', label: 'campaigns.titleField', kind: 'text', required: true, max: 200 },
        { name: 'referenceDate', label: 'sa.referenceDate', kind: 'date', required: true },
        { name: 'deadline', label: 'sa.deadline', kind: 'date', required: true },
        { name: 'description', label: 'common.description', kind: 'textarea', max: 2000 },
      ],
      value: { referenceDate: todayJst() }, draftKey: 'campaign/new', extra: { key: idempotencyKey() }, labelledBy: 'page-title',
      onCancel: () => go('/campaigns'),
      async onSubmit(value, f) {
        const { data } = await api('POST', '/api/v1/self-assessment/campaigns', { body: clean(value), idempotencyKey: f.extra().key });
        f.clearDraft();
        go(`/campaigns/${data.id}`);
      } });
    return [h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, t('campaigns.new'))), form.element];
  },
});

page('/campaigns/:id', {
  title: 'campaigns.title', roles: SECRETARIAT,
  async render(ctx, { id }) {
    const { data } = await api('GET', `/api/v1/self-assessment/campaigns/${id}`);
    const c = data.campaign;
    const s = data.summary;
    return [heading(c.title),
      facts([[t('sa.referenceDate'), date(c.referenceDate)], [t('sa.deadline'), date(c.deadline)], [t('common.description'), c.description]]),
      h('h2', null, t('campaigns.progress')),
      progress(s.submitted + s.accepted, s.members, t('campaigns.progress')),
      h('p', null, t('campaigns.summary', s)),
      table([
        { label: t('common.member'), cell: (m) => (m.status === 'NOT_SUBMITTED' ? m.memberName
          : link(`#/campaigns/${id}/members/${m.memberId}`, m.memberName)) },
        { label: t('common.status'), cell: (m) => [badge(m.status, t(`sa.status.${m.status}`)), m.late ? ` ${t('campaigns.late')}` : ''] },
        { label: t('sa.submission'), cell: (m) => dateTime(m.submittedAt) },
      ], data.members, { caption: t('campaigns.progress') })];
  },
});

page('/campaigns/:id/members/:memberId', {
  title: 'campaigns.title', roles: SECRETARIAT,
  async render(ctx, { id, memberId }) {
    const [loaded, member] = await Promise.all([
      api('GET', `/api/v1/members/${memberId}/self-assessment/campaigns/${id}/submission`),
      api('GET', `/api/v1/members/${memberId}`)]);
    const s = loaded.data;
    const review = (action) => async () => {
      const comment = h('textarea', { id: 'review-comment', rows: 3, maxlength: 2000 });
      const ok = await dialog(t(`campaigns.${action}`), h('div', { class: 'field' },
        h('label', { for: 'review-comment' }, t('campaigns.comment')), comment),
      [{ label: t('common.cancel'), value: 'cancel' }, { label: t(`campaigns.${action}`), value: 'ok', class: action === 'return' ? 'danger' : 'primary' }]);
      if (ok !== 'ok') return;
      await api('POST', `/api/v1/members/${memberId}/self-assessment/campaigns/${id}/submission/${action}`,
        { body: { comment: comment.value.trim() || null }, ifMatch: loaded.etag });
      go(`/campaigns/${id}/members/${memberId}`);
    };
    return [heading(t('campaigns.submission', { member: member.data.nameJa }),
      s.status === 'SUBMITTED' ? h('button', { type: 'button', class: 'primary', on: { click: act(review('accept')) } }, t('campaigns.accept')) : null,
      s.status === 'SUBMITTED' ? h('button', { type: 'button', class: 'danger', id: 'return-submission', on: { click: act(review('return')) } }, t('campaigns.return')) : null),
    facts([[t('common.status'), badge(s.status, t(`sa.status.${s.status}`))], [t('sa.submission'),
      `${t('campaigns.round', { round: s.round })} ${dateTime(s.submittedAt)} ${s.submittedBy || ''}${s.late ? ` (${t('campaigns.late')})` : ''}`]]),
    s.reviewedAt ? notice(s.status === 'RETURNED' ? 'warn' : 'info', t('campaigns.reviewed', { who: s.reviewedBy || '—',
      at: dateTime(s.reviewedAt), comment: s.reviewComment || '—' })) : null,
    h('h2', null, t('campaigns.answers')),
    table([
      { label: t('campaigns.question'), cell: (a) => a.questionNumber || a.questionId },
      { label: t('campaigns.answer'), cell: (a) => [...a.optionLabels, a.otherText].filter(Boolean).join('、') || '—' },
      { label: t('sa.notes'), cell: (a) => a.notes || '' },
    ], s.answers, { caption: t('campaigns.answers') })];
  },
});
