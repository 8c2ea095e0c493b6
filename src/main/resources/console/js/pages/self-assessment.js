// Self-assessment: the questionnaire by section with progress, answers saved section by section (one all-or-nothing
// batch, If-Match on the answer set), the open campaign's reference date and deadline, and submission.
import { h, nextId, announce } from '../dom.js';
import { t, messages, dateTime, date } from '../i18n.js';
import { api, all, ApiError } from '../api.js';
import { page, go } from '../router.js';
import { heading, link, button, notice, progress, facts, badge, confirm, flash } from '../ui.js';
import { showProblem, loadDraft, saveDraft, dropDraft, idempotencyKey } from '../forms.js';

messages({
  ja: {
    'sa.title': '自己評価', 'sa.sections': '設問の区分', 'sa.saveSection': 'この区分の回答を保存', 'sa.saved': '回答を保存しました（{count}件変更）。',
    'sa.progress': '回答済み', 'sa.other': 'その他の内容', 'sa.notes': '補足', 'sa.freeText': '回答（自由記述）',
    'sa.campaign': '依頼', 'sa.referenceDate': '基準日', 'sa.deadline': '提出期限', 'sa.submission': '提出状況',
    'sa.submit': 'この回答で提出する', 'sa.submitConfirm': '現在の回答を「{title}」への提出として確定します。提出後の回答の変更は次回の提出まで反映されません。',
    'sa.submitted': '提出しました（第{round}回）。', 'sa.notSubmitted': '未提出', 'sa.late': '期限後の提出',
    'sa.returned': '事務局から差し戻されました: {comment}', 'sa.noCampaign': '現在、受付中の依頼はありません。回答はいつでも更新できます。',
    'sa.status.SUBMITTED': '提出済み', 'sa.status.ACCEPTED': '受理', 'sa.status.RETURNED': '差し戻し', 'sa.status.NOT_SUBMITTED': '未提出',
    'sa.clear': '回答を取り消す', 'sa.number': '設問{n}', 'sa.confirm': '変更なしとして確認',
    'sa.prefilled': '事業継続計画等の記録から選択しました（未保存）。内容を確認し、この区分を保存すると回答になります。',
    'sa.prefillDiffers': '事業継続計画等の記録からは「{options}」となります。入力済みの回答が優先されます。',
  },
  en: {
    'sa.title': 'Self-assessment', 'sa.sections': 'Sections', 'sa.saveSection': 'Save this section', 'sa.saved': 'Answers saved ({count} changed).',
    'sa.progress': 'Answered', 'sa.other': 'Other (describe)', 'sa.notes': 'Remarks', 'sa.freeText': 'Answer (free text)',
    'sa.campaign': 'Request', 'sa.referenceDate': 'Reference date', 'sa.deadline': 'Deadline', 'sa.submission': 'Submission',
    'sa.submit': 'Submit these answers', 'sa.submitConfirm': 'Your current answers become the submission to "{title}". Later changes count only at the next submission.',
    'sa.submitted': 'Submitted (round {round}).', 'sa.notSubmitted': 'Not submitted', 'sa.late': 'submitted late',
    'sa.returned': 'Returned by the secretariat: {comment}', 'sa.noCampaign': 'No request is open at the moment. You can keep your answers current at any time.',
    'sa.status.SUBMITTED': 'Submitted', 'sa.status.ACCEPTED': 'Accepted', 'sa.status.RETURNED': 'Returned', 'sa.status.NOT_SUBMITTED': 'Not submitted',
    'sa.clear': 'Clear the answer', 'sa.number': 'Q{n}', 'sa.confirm': 'Confirm unchanged',
    'sa.prefilled': 'Chosen from your continuity plans (not saved yet). Check it and save this section to make it your answer.',
    'sa.prefillDiffers': 'Your continuity plans give "{options}". The answer you entered takes precedence.',
  },
});

async function answerSet(memberId) {
  const items = [];
  let cursor;
  let etag;
  do {
    const r = await api('GET', `/api/v1/members/${memberId}/self-assessment/answers`, { query: { limit: 200, cursor } });
    items.push(...r.data.items);
    etag = etag || r.etag;
    cursor = r.data.nextCursor;
  } while (cursor);
  return { byQuestion: Object.fromEntries(items.filter((a) => !a.deleted).map((a) => [a.questionId, a])), etag };
}

// prefill: the answer derived from the member's plans (GET …/prefills). It fills a question with no answer and no
// draft, saved only with the section; next to an answer of the member's own it is a hint when it differs.
function questionField(q, index, answer, prefill) {
  const path = `answers[${index}]`;
  const suggested = prefill && !answer;
  const chosen = new Set((suggested ? prefill.optionIds : answer?.optionIds) || []);
  const legendId = nextId('q');
  const number = q.numberFy2024 ? t('sa.number', { n: q.numberFy2024 }) : '';
  const selectable = q.options.filter((o) => o.selectable);
  const freeText = q.answerMode === 'FREE_TEXT' || !selectable.length;
  const needsOther = selectable.some((o) => o.requiresText);
  const otherId = nextId('o');
  const notesId = nextId('n');
  return h('fieldset', { class: 'question', dataset: { field: path, question: q.id } },
    h('legend', { id: legendId }, number ? h('span', { class: 'qnum' }, `${number} `) : null, q.text),
    suggested ? h('p', { class: 'notice info prefill', role: 'note' }, t('sa.prefilled'), ' ', h('span', { class: 'hint' }, prefill.basis)) : null,
    prefill && answer && !sameChoice(answer, prefill) ? h('p', { class: 'hint prefill' },
      t('sa.prefillDiffers', { options: prefill.optionLabels.join('、') }), ' ', prefill.basis) : null,
    freeText
      ? h('div', { class: 'field', dataset: { field: `${path}.otherText` } }, h('label', { for: otherId }, t('sa.freeText')),
        h('textarea', { id: otherId, rows: 3, dataset: { role: 'otherText' } }, answer?.otherText || ''),
        h('p', { class: 'field-error', hidden: true }))
      : [h('div', { class: 'options', dataset: { field: `${path}.optionIds` } }, selectable.map((o) => {
        const id = nextId('opt');
        return h('div', { class: 'check' }, h('input', {
          id, type: q.answerKind === 'SINGLE_CHOICE' ? 'radio' : 'checkbox', name: `q-${q.id}`, value: o.id,
          checked: chosen.has(o.id), dataset: { role: 'option' } }), h('label', { for: id }, o.label));
      }), h('p', { class: 'field-error', hidden: true })),
      needsOther ? h('div', { class: 'field', dataset: { field: `${path}.otherText` } }, h('label', { for: otherId }, t('sa.other')),
        h('input', { id: otherId, type: 'text', value: answer?.otherText || '', dataset: { role: 'otherText' } }),
        h('p', { class: 'field-error', hidden: true })) : null],
    h('details', { class: 'notes' }, h('summary', null, t('sa.notes')),
      h('div', { class: 'field', dataset: { field: `${path}.notes` } }, h('label', { for: notesId }, t('sa.notes')),
        h('textarea', { id: notesId, rows: 2, dataset: { role: 'notes' } }, answer?.notes || ''),
        h('p', { class: 'field-error', hidden: true }))));
}

function sameChoice(answer, prefill) {
  const ids = answer.optionIds || [];
  return !answer.otherText && ids.length === prefill.optionIds.length && prefill.optionIds.every((id) => ids.includes(id));
}

function readQuestion(fs) {
  const optionIds = [...fs.querySelectorAll('[data-role="option"]:checked')].map((i) => i.value);
  const otherText = fs.querySelector('[data-role="otherText"]')?.value.trim() || '';
  const notes = fs.querySelector('[data-role="notes"]')?.value.trim() || '';
  return { questionId: fs.dataset.question, optionIds, otherText, notes };
}

function answered(a) {
  return a && ((a.optionIds && a.optionIds.length) || a.otherText);
}

page('/assessment/:memberId', {
  title: 'sa.title', roles: ['secretariat-admin', 'secretariat-staff', 'operator-admin', 'operator-staff'],
  nav: { order: 30, path: (ctx) => `/assessment/${ctx.memberId}`, when: (ctx) => ctx.memberId !== null },
  async render(ctx, { memberId }, query) {
    const [catalogue, set, campaigns, prefills] = await Promise.all([
      api('GET', '/api/v1/self-assessment/catalogue').then((r) => r.data), answerSet(memberId),
      all('/api/v1/self-assessment/campaigns').catch(() => []),
      api('GET', `/api/v1/members/${memberId}/self-assessment/prefills`).then((r) => r.data.items)]);
    const prefillOf = Object.fromEntries(prefills.map((p) => [p.questionId, p]));
    // Respondent attributes (sector, size) come from the member's own data: sections of nothing else are skipped.
    const answerable = catalogue.questions.filter((q) => !q.respondentAttribute);
    const sections = catalogue.sections.filter((s) => answerable.some((q) => q.sectionId === s.id));
    const sectionId = query.section || sections[0].id;
    const section = sections.find((s) => s.id === sectionId) || sections[0];
    const questions = catalogue.questions.filter((q) => q.sectionId === section.id && !q.respondentAttribute);
    const countFor = (s) => {
      const qs = catalogue.questions.filter((q) => q.sectionId === s.id && !q.respondentAttribute);
      return [qs.filter((q) => answered(set.byQuestion[q.id])).length, qs.length];
    };
    const total = catalogue.questions.filter((q) => !q.respondentAttribute);
    const campaign = campaigns.find((c) => String(c.id) === query.campaign) || campaigns.filter((c) => c.open)
      .sort((a, b) => a.deadline.localeCompare(b.deadline))[0];

    // The campaign and the member's submission to it.
    let submissionBox = notice('info', t('sa.noCampaign'));
    if (campaign) {
      let submission = null;
      try {
        submission = (await api('GET', `/api/v1/members/${memberId}/self-assessment/campaigns/${campaign.id}/submission`)).data;
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404)) throw e;
      }
      const status = submission?.status || 'NOT_SUBMITTED';
      const canSubmit = campaign.open && status !== 'SUBMITTED' && status !== 'ACCEPTED';
      submissionBox = h('section', { class: 'card', 'aria-labelledby': 'campaign-h' },
        h('h2', { id: 'campaign-h' }, `${t('sa.campaign')}: ${campaign.title}`),
        facts([[t('sa.referenceDate'), date(campaign.referenceDate)], [t('sa.deadline'), date(campaign.deadline)],
          [t('sa.submission'), [badge(status, t(`sa.status.${status}`)), submission?.late ? ` ${t('sa.late')}` : '',
            submission?.submittedAt ? ` ${dateTime(submission.submittedAt)}` : '']]]),
        status === 'RETURNED' ? notice('warn', t('sa.returned', { comment: submission.reviewComment || '—' })) : null,
        canSubmit ? button(t('sa.submit'), async () => {
          if (!(await confirm(t('sa.submit'), t('sa.submitConfirm', { title: campaign.title }), t('sa.submit')))) return;
          const key = sessionStorage.getItem(`ceptoar.submit:${campaign.id}`) || idempotencyKey();
          sessionStorage.setItem(`ceptoar.submit:${campaign.id}`, key);
          const { data } = await api('POST', `/api/v1/members/${memberId}/self-assessment/campaigns/${campaign.id}/submission`,
            { idempotencyKey: key });
          sessionStorage.removeItem(`ceptoar.submit:${campaign.id}`);
          go(`/assessment/${memberId}?section=${section.id}&campaign=${campaign.id}&submitted=${data.round}`);
        }, 'primary', { id: 'submit-assessment' }) : null);
    }

    // This section's questions, with a draft kept as the user answers.
    const draftKey = `${memberId}/assessment/${section.id}`;
    const draft = loadDraft(draftKey);
    const draftAnswers = Object.fromEntries((draft?.value || []).map((a) => [a.questionId, a]));
    const summary = h('div', { class: 'notice error', role: 'alert', tabindex: '-1', hidden: true });
    const save = h('button', { type: 'submit', class: 'primary' }, t('sa.saveSection'));
    const form = h('form', { class: 'form assessment', novalidate: true, 'aria-labelledby': 'section-h' },
      draft ? notice('info', t('common.draftRestored')) : null, summary,
      questions.map((q, i) => questionField(q, i, draftAnswers[q.id] || set.byQuestion[q.id], prefillOf[q.id])),
      h('div', { class: 'form-actions' }, save));
    const read = () => [...form.querySelectorAll('fieldset.question')].map(readQuestion);
    form.addEventListener('input', () => saveDraft(draftKey, { value: read() }));
    form.addEventListener('change', () => saveDraft(draftKey, { value: read() }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      save.disabled = true;
      try {
        const answers = read().map((a) => {
          const stored = set.byQuestion[a.questionId];
          if (!answered(a)) return stored ? { questionId: a.questionId, clear: true } : null;
          const item = { questionId: a.questionId };
          if (a.optionIds.length) item.optionIds = a.optionIds;
          if (a.otherText) item.otherText = a.otherText;
          if (a.notes) item.notes = a.notes;
          return item;
        });
        // Keep indexes aligned with the form for error paths: send every question, null answers as no-ops removed.
        const batch = answers.map((a, i) => ({ a, i })).filter((x) => x.a);
        const { data } = await api('PATCH', `/api/v1/members/${memberId}/self-assessment/answers`,
          { body: { answers: batch.map((x) => x.a) }, ifMatch: set.etag });
        dropDraft(draftKey);
        go(`/assessment/${memberId}?section=${section.id}${campaign ? `&campaign=${campaign.id}` : ''}&saved=${data.changed}`);
      } catch (e) {
        if (e.name === 'SessionExpired') return;
        if (e.problem?.violations) {
          // Violations name answers[i] of the batch sent: map back to the question's position in the form.
          const sent = read().map((a, i) => ({ a, i })).filter((x) => answered(x.a) || set.byQuestion[x.a.questionId]);
          e.problem.violations = e.problem.violations.map((v) => ({ ...v, field: v.field.replace(/^answers\[(\d+)\]/,
            (m, n) => `answers[${sent[Number(n)]?.i ?? n}]`) }));
        }
        showProblem(form, summary, e);
      } finally {
        save.disabled = false;
      }
    });

    const [done, count] = [total.filter((q) => answered(set.byQuestion[q.id])).length, total.length];
    return [
      heading(t('sa.title'), button(t('sa.confirm'), async () => {
        const { data } = await api('POST', `/api/v1/members/${memberId}/self-assessment/confirm`);
        flash(t('records.confirmed', { type: t('sa.title'), at: dateTime(data.confirmedAt) }));
      }, 'secondary')),
      query.saved !== undefined ? notice('success', t('sa.saved', { count: query.saved })) : null,
      query.submitted ? notice('success', t('sa.submitted', { round: query.submitted })) : null,
      h('p', null, `${catalogue.title}（${catalogue.edition}）`),
      progress(done, count, t('sa.progress')),
      submissionBox,
      h('div', { class: 'split' },
        h('nav', { class: 'sections', 'aria-label': t('sa.sections') }, h('ol', null, sections.map((s) => {
          const [d, n] = countFor(s);
          return h('li', null, h('a', { href: `#/assessment/${memberId}?section=${s.id}${campaign ? `&campaign=${campaign.id}` : ''}`,
            'aria-current': s.id === section.id ? 'page' : null }, s.title, h('span', { class: 'count' }, ` ${d}/${n}`)));
        }))),
        h('section', { class: 'section-body', 'aria-labelledby': 'section-h' }, h('h2', { id: 'section-h' }, section.title),
          progress(...countFor(section), `${section.title}: ${t('sa.progress')}`), form)),
    ];
  },
});
