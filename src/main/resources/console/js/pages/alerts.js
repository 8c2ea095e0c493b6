// Alerts (情報提供) under TLP 2.0: the inbox of threads with unread counts, a thread with its reports (read marks
// them opened; acknowledge for the organisation), the composer (a clear TLP choice, then a review that says how many
// organisations and readers the alert will reach before it is sent), pass-on (展開) with the same check, and the
// sender's live list of who has not acknowledged. Every rule is the API's: the console only shows what it answers.
import { h } from '../dom.js';
import { t, messages, dateTime, number } from '../i18n.js';
import { api, all, saveBlob } from '../api.js';
import { page, go, render } from '../router.js';
import { heading, link, button, table, facts, notice, flash, confirm, dialog, progress } from '../ui.js';
import { buildForm, clean, idempotencyKey } from '../forms.js';
import { options, reference } from '../codes.js';
import { tlpLabel } from '../tlp.js';

messages({
  ja: {
    'alerts.title': '情報提供', 'alerts.received': '受信', 'alerts.sent': '送信済み', 'alerts.drafts': '下書き',
    'alerts.new': '情報提供を作成', 'alerts.followUp': '続報を作成', 'alerts.importance': '重要度', 'alerts.tlp': '情報共有範囲（TLP）',
    'alerts.number': '識別番号', 'alerts.reportNo': '第{n}報', 'alerts.subject': '件名', 'alerts.providedAt': '情報提供日時',
    'alerts.recipientsLine': '情報提供先', 'alerts.origin': '発信元', 'alerts.unread': '未読', 'alerts.ack': '受領確認',
    'alerts.counts': '未読 {unread}件 ／ 組織として未確認 {unacknowledged}件（受信 {total}件）', 'alerts.none': '情報提供はまだありません。',
    'alerts.specialRemarks': '特記事項', 'alerts.annex': '別紙', 'alerts.annexField': '別紙あり（別紙有無）', 'alerts.outline': '①概要',
    'alerts.targets': '②対象', 'alerts.handling': '③対処方針', 'alerts.otherInfo': '④その他', 'alerts.inquiry': '本件問合せ先',
    'alerts.inquiryHint': '空欄なら組織の既定の問合せ先を使います。', 'alerts.withdrawn': 'この情報提供は {at} に取り消されました: {reason}',
    'alerts.passedOnBy': '{org} から展開されました。', 'alerts.acknowledge': '受領を確認', 'alerts.acknowledged': '{by} が {at} に受領を確認しました。',
    'alerts.ackOpen': '未確認', 'alerts.ackAcked': '確認済み', 'alerts.ackUnreachable': '連絡不能', 'alerts.passOn': '展開する',
    'alerts.recipients': '受領状況', 'alerts.withdraw': '取り消す', 'alerts.withdrawReason': '取消の理由（受信者に表示されます）',
    'alerts.stix': 'STIX 2.1 でダウンロード', 'alerts.download': '{name} をダウンロード', 'alerts.attachments': '別紙ファイル',
    'alerts.upload': 'ファイルを添付', 'alerts.uploadHint': 'PDF・PNG・JPEG・テキスト・CSV・Excel・Word・PowerPoint、1ファイル5MBまで、10ファイルまで。',
    'alerts.audience': '宛先', 'alerts.audienceHint': 'TLP:RED では指名したユーザーだけが閲覧できます（組織は宛先にできません）。',
    'alerts.audienceSame': '続報では、空欄のままなら前報と同じ宛先に送ります。', 'alerts.allMembers': '全構成員',
    'alerts.nonMembers': '構成員外の情報提供先（全て）', 'alerts.members': '構成員を選ぶ', 'alerts.users': 'ユーザーを指名',
    'alerts.sectors': '分野（分野のセプター事務局と所管省庁）', 'alerts.ceptoars': 'セプター（事務局）', 'alerts.ministries': '所管省庁',
    'alerts.operators': '事業者（法人番号または地方公共団体コード、1行に1件）', 'alerts.review': '送信前の確認',
    'alerts.reach': 'この情報提供は {organisations} 組織に届き、{readers} 人が閲覧できます。',
    'alerts.reachPassOn': '展開すると {organisations} 組織に届き、{readers} 人が閲覧できます（展開済み {alreadyReached} 組織、分野外のため対象外 {excluded} 組織）。',
    'alerts.send': '送信する', 'alerts.sentOk': '{number} を送信しました。', 'alerts.saveDraft': '下書きを保存', 'alerts.editDraft': '下書きを編集',
    'alerts.deleteDraft': '下書きを削除', 'alerts.confirmSend': '{organisations} 組織に送信します。送信後は取り消しのみでき、削除はできません。',
    'alerts.passOnTitle': '{number} を展開', 'alerts.passOnTlp': '展開する範囲（受信したラベル以下）', 'alerts.check': '届く範囲を確認',
    'alerts.passedOn': '{number} を {organisations} 組織に展開しました。', 'alerts.recipientsTitle': '{number} の受領状況',
    'alerts.onlyOpen': '未確認の組織だけ', 'alerts.allOrgs': 'すべての組織', 'alerts.organisation': '組織', 'alerts.ceptoar': 'セプター',
    'alerts.addressed': '宛先', 'alerts.addressed.ORG': '組織', 'alerts.addressed.NAMED': '指名', 'alerts.reachedAt': '配信',
    'alerts.firstOpened': '初回閲覧', 'alerts.ackedAt': '確認日時', 'alerts.ackedBy': '確認者',
    'alerts.summary': '{organisations} 組織 ／ 閲覧 {opened} ／ 確認済み {acknowledged} ／ 未確認 {open}', 'alerts.csv': 'CSV でダウンロード',
    'alerts.live': '30秒ごとに自動更新しています。', 'alerts.reports': '{n}報', 'alerts.unreadOf': '未読 {unread} / {reports}', 'alerts.dryRunNote': 'まだ送信していません。',
    'alerts.tlpHint': 'RED：指名した人のみ ／ AMBER+STRICT：宛先組織の職員のみ ／ AMBER：職員と秘密保持契約を締結した委託先 ／ GREEN：宛先組織の全員 ／ CLEAR：公開可（公開フィードにも掲載）',
    'alerts.importance.WARNING': '警報', 'alerts.relation.ORIGINATOR': '自組織の発信', 'alerts.relation.NAMED': '指名',
    'alerts.relation.ADDRESSED': '宛先組織',
  },
  en: {
    'alerts.title': 'Alerts', 'alerts.received': 'Received', 'alerts.sent': 'Sent', 'alerts.drafts': 'Drafts',
    'alerts.new': 'New alert', 'alerts.followUp': 'Follow-up', 'alerts.importance': 'Importance', 'alerts.tlp': 'Sharing (TLP)',
    'alerts.number': 'Number', 'alerts.reportNo': 'Report {n}', 'alerts.subject': 'Title', 'alerts.providedAt': 'Provided at',
    'alerts.recipientsLine': 'Provided to', 'alerts.origin': 'From', 'alerts.unread': 'Unread', 'alerts.ack': 'Acknowledgement',
    'alerts.counts': '{unread} unread / {unacknowledged} not acknowledged by your organisation ({total} received)', 'alerts.none': 'No alerts yet.',
    'alerts.specialRemarks': 'Special remarks', 'alerts.annex': 'Annex', 'alerts.annexField': 'Has an annex (別紙有無)', 'alerts.outline': '① Outline',
    'alerts.targets': '② Targets', 'alerts.handling': '③ Handling', 'alerts.otherInfo': '④ Other', 'alerts.inquiry': 'Contact',
    'alerts.inquiryHint': 'Leave empty for the organisation\'s default contact.', 'alerts.withdrawn': 'Withdrawn at {at}: {reason}',
    'alerts.passedOnBy': 'Passed on by {org}.', 'alerts.acknowledge': 'Acknowledge', 'alerts.acknowledged': 'Acknowledged by {by} at {at}.',
    'alerts.ackOpen': 'Not acknowledged', 'alerts.ackAcked': 'Acknowledged', 'alerts.ackUnreachable': 'Unreachable', 'alerts.passOn': 'Pass on',
    'alerts.recipients': 'Acknowledgements', 'alerts.withdraw': 'Withdraw', 'alerts.withdrawReason': 'Reason (shown to the recipients)',
    'alerts.stix': 'Download as STIX 2.1', 'alerts.download': 'Download {name}', 'alerts.attachments': 'Attached files',
    'alerts.upload': 'Attach a file', 'alerts.uploadHint': 'PDF, PNG, JPEG, text, CSV, Excel, Word, PowerPoint; 5 MB each, 10 files.',
    'alerts.audience': 'Recipients', 'alerts.audienceHint': 'Under TLP:RED only the users you name can read it (organisations cannot be addressed).',
    'alerts.audienceSame': 'For a follow-up, leave this empty to send to the previous report\'s recipients.', 'alerts.allMembers': 'All members',
    'alerts.nonMembers': 'All non-member recipients', 'alerts.members': 'Chosen members', 'alerts.users': 'Named users',
    'alerts.sectors': 'Sectors (their CEPTOAR secretariats and ministry)', 'alerts.ceptoars': 'CEPTOARs (secretariats)', 'alerts.ministries': 'Ministries',
    'alerts.operators': 'Operators (corporate number or local government code, one per line)', 'alerts.review': 'Review before sending',
    'alerts.reach': 'This alert reaches {organisations} organisations; {readers} people may read it.',
    'alerts.reachPassOn': 'Passing it on reaches {organisations} organisations; {readers} people may read it ({alreadyReached} already reached, {excluded} outside the alert\'s sectors).',
    'alerts.send': 'Send', 'alerts.sentOk': '{number} sent.', 'alerts.saveDraft': 'Save draft', 'alerts.editDraft': 'Edit draft',
    'alerts.deleteDraft': 'Delete draft', 'alerts.confirmSend': 'Send to {organisations} organisations? A sent alert can be withdrawn, not deleted.',
    'alerts.passOnTitle': 'Pass on {number}', 'alerts.passOnTlp': 'Label (the one received or narrower)', 'alerts.check': 'Check who it reaches',
    'alerts.passedOn': '{number} passed on to {organisations} organisations.', 'alerts.recipientsTitle': 'Acknowledgements of {number}',
    'alerts.onlyOpen': 'Not acknowledged only', 'alerts.allOrgs': 'All organisations', 'alerts.organisation': 'Organisation', 'alerts.ceptoar': 'CEPTOAR',
    'alerts.addressed': 'Addressed', 'alerts.addressed.ORG': 'organisation', 'alerts.addressed.NAMED': 'named users', 'alerts.reachedAt': 'Reached',
    'alerts.firstOpened': 'First opened', 'alerts.ackedAt': 'Acknowledged at', 'alerts.ackedBy': 'By',
    'alerts.summary': '{organisations} organisations / {opened} opened / {acknowledged} acknowledged / {open} open', 'alerts.csv': 'Download CSV',
    'alerts.live': 'Refreshed every 30 seconds.', 'alerts.reports': '{n} reports', 'alerts.unreadOf': '{unread} / {reports} unread', 'alerts.dryRunNote': 'Nothing has been sent yet.',
    'alerts.tlpHint': 'RED: named people only / AMBER+STRICT: staff of the addressed organisations / AMBER: staff and contractors under NDA / GREEN: everyone in the addressed organisations / CLEAR: public (also on the public feed)',
    'alerts.importance.WARNING': 'Warning', 'alerts.relation.ORIGINATOR': 'Sent by your organisation', 'alerts.relation.NAMED': 'Named',
    'alerts.relation.ADDRESSED': 'Addressed organisation',
  },
});

const READERS = ['secretariat-admin', 'secretariat-staff', 'operator-admin', 'operator-staff', 'nisc-analyst', 'ministry-officer'];
const SENDERS = ['secretariat-admin', 'secretariat-staff', 'nisc-analyst'];
const IMPORTANCE_CLASS = { WARNING: 'bad', ADVISORY: 'warn', INFORMATION: 'info' };
const ACK_CLASS = { OPEN: 'warn', ACKED: 'ok', UNREACHABLE: 'bad' };
const ACK_KEY = { OPEN: 'alerts.ackOpen', ACKED: 'alerts.ackAcked', UNREACHABLE: 'alerts.ackUnreachable' };

function importance(a) {
  return h('span', { class: `badge ${IMPORTANCE_CLASS[a.importance.code] || 'muted'}` }, a.importance.label);
}

function tlp(a) {
  return tlpLabel({ code: a.tlp.code, nameEn: a.tlp.label, nameJa: a.tlp.nameJa });
}

function ackBadge(state) {
  return state ? h('span', { class: `badge ${ACK_CLASS[state] || 'muted'}` }, t(ACK_KEY[state])) : '—';
}

const national = (ctx) => ctx.tenant.kind === 'NATIONAL';

/** One thread of the inbox as a card (a table does not fit a phone): its newest report, unread and acknowledgement. */
function thread(x) {
  const a = x.latest;
  return h('li', { class: x.unread ? 'unread' : null },
    link(`#/alerts/threads/${x.threadId}`, a.title, { class: 'thread-title' }),
    h('div', { class: 'thread-badges' }, importance(a), tlp(a),
      x.unread ? h('span', { class: 'badge info' }, t('alerts.unreadOf', { unread: x.unread, reports: x.reports })) : null,
      a.acknowledgement ? ackBadge(a.acknowledgement) : null),
    h('p', { class: 'meta' }, [a.number, a.origin.name, dateTime(x.lastProvidedAt), t('alerts.reports', { n: x.reports })]
      .filter(Boolean).join(' ・ ')));
}

// ---------------------------------------------------------------------------------------------------------------
// Inbox
// ---------------------------------------------------------------------------------------------------------------

page('/alerts', {
  title: 'alerts.title', roles: READERS, nav: { order: 12 },
  async render(ctx, params, query) {
    const box = query.box === 'sent' ? 'sent' : 'received';
    const sender = SENDERS.includes(ctx.role);
    const [inbox, counts, drafts] = await Promise.all([
      api('GET', '/api/v1/alerts/inbox', { query: { box, limit: 50, cursor: query.cursor } }),
      api('GET', '/api/v1/alerts/counts'),
      sender && box === 'sent' ? all('/api/v1/alerts/drafts') : Promise.resolve([])]);
    const c = counts.data;
    const tabs = sender ? h('p', { class: 'button-row' },
      box === 'received' ? h('strong', null, t('alerts.received')) : link('#/alerts', t('alerts.received')),
      box === 'sent' ? h('strong', null, t('alerts.sent')) : link('#/alerts?box=sent', t('alerts.sent'))) : null;
    return [
      heading(t('alerts.title'), sender ? link('#/alerts/new', t('alerts.new'), { class: 'button primary' }) : null),
      tabs,
      h('p', { class: 'meta' }, t('alerts.counts', c)),
      inbox.data.items.length ? h('ol', { class: 'threads', 'aria-label': t(box === 'sent' ? 'alerts.sent' : 'alerts.received') },
        inbox.data.items.map(thread)) : h('p', { class: 'empty' }, t('alerts.none')),
      inbox.data.nextCursor ? link(`#/alerts?box=${box}&cursor=${encodeURIComponent(inbox.data.nextCursor)}`,
        t('common.loadMore'), { class: 'button secondary' }) : null,
      drafts.length ? h('section', { 'aria-labelledby': 'drafts-h' }, h('h2', { id: 'drafts-h' }, t('alerts.drafts')),
        table([
          { label: t('alerts.subject'), cell: (d) => link(`#/alerts/drafts/${d.id}`, d.title) },
          { label: t('alerts.tlp'), cell: (d) => tlp(d) },
          { label: t('common.updatedAt'), cell: (d) => dateTime(d.updatedAt) },
        ], drafts, { caption: t('alerts.drafts') })) : null,
    ];
  },
});

// ---------------------------------------------------------------------------------------------------------------
// A report as the form shows it, and a thread
// ---------------------------------------------------------------------------------------------------------------

function downloadButton(a, file) {
  return button(t('alerts.download', { name: file.filename }), async () => {
    const { data } = await api('GET', `/api/v1/alerts/${a.id}/attachments/${file.id}`, { accept: '*/*', blob: true });
    saveBlob(data, file.filename);
  }, 'link');
}

function report(a) {
  const r = a.reading;
  return h('article', { class: 'card', 'aria-labelledby': `report-${a.id}` },
    h('h2', { id: `report-${a.id}` }, a.number ? `${a.number}（${t('alerts.reportNo', { n: a.reportNo })}）` : t('alerts.drafts'),
      ' ', a.title),
    a.withdrawn ? notice('warn', t('alerts.withdrawn', { at: dateTime(a.withdrawn.at), reason: a.withdrawn.reason })) : null,
    r.passedOnBy ? notice('info', t('alerts.passedOnBy', { org: r.passedOnBy })) : null,
    facts([
      [t('alerts.importance'), importance(a)],
      [t('alerts.number'), a.number],
      [t('alerts.providedAt'), a.providedAt ? dateTime(a.providedAt) : null],
      [t('alerts.recipientsLine'), a.recipientsLine],
      [t('alerts.tlp'), h('div', null, tlp(a), a.tlp.formWording ? h('p', { class: 'hint' }, a.tlp.formWording) : null)],
      [t('alerts.specialRemarks'), a.specialRemarks],
      [t('alerts.annex'), a.annex ? t('common.yes') : t('common.no')],
      [t('alerts.attachments'), a.attachments.length ? h('ul', null, a.attachments.map((f) => h('li', null, downloadButton(a, f)))) : null],
      [t('alerts.outline'), a.outline ? h('p', { class: 'pre' }, a.outline) : null],
      [t('alerts.targets'), a.targets ? h('p', { class: 'pre' }, a.targets) : null],
      [t('alerts.handling'), a.handling ? h('p', { class: 'pre' }, a.handling) : null],
      [t('alerts.otherInfo'), a.otherInfo ? h('p', { class: 'pre' }, a.otherInfo) : null],
      [a.inquiryHeading, a.inquiryContact],
      [t('alerts.origin'), a.origin.name],
      [t('alerts.ack'), r.acknowledgement ? h('span', null, ackBadge(r.acknowledgement.state),
        r.acknowledgement.acknowledgedAt ? ` ${t('alerts.acknowledged', { by: r.acknowledgement.acknowledgedBy || '—',
          at: dateTime(r.acknowledgement.acknowledgedAt) })}` : '') : t(`alerts.relation.${r.relation}`)],
    ]),
    h('div', { class: 'button-row' },
      r.canAcknowledge ? button(t('alerts.acknowledge'), async () => {
        await api('POST', `/api/v1/alerts/${a.id}/acknowledgement`);
        await render();
        flash(t('alerts.ackAcked'));
      }, 'primary') : null,
      r.canPassOn ? link(`#/alerts/${a.id}/pass-on`, t('alerts.passOn'), { class: 'button secondary' }) : null,
      a.status !== 'DRAFT' && (r.relation === 'ORIGINATOR' || r.canPassOn)
        ? link(`#/alerts/${a.id}/recipients`, t('alerts.recipients'), { class: 'button secondary' }) : null,
      r.canChange && a.status !== 'DRAFT' ? link(`#/alerts/new?followUpOf=${a.id}`, t('alerts.followUp'), { class: 'button secondary' }) : null,
      r.canChange && a.status === 'SENT' ? button(t('alerts.withdraw'), () => withdraw(a), 'danger') : null,
      a.status !== 'DRAFT' ? button(t('alerts.stix'), async () => {
        const { data } = await api('GET', `/api/v1/alerts/${a.id}/stix`, { accept: 'application/stix+json;version=2.1', blob: true });
        saveBlob(data, `alert-${a.number}.stix.json`);
      }, 'link') : null));
}

async function withdraw(a) {
  const reason = h('textarea', { id: 'withdraw-reason', rows: 3, maxlength: 1000 });
  const ok = await dialog(t('alerts.withdraw'), h('div', { class: 'field' },
    h('label', { for: 'withdraw-reason' }, t('alerts.withdrawReason')), reason),
  [{ label: t('common.cancel'), value: 'cancel' }, { label: t('alerts.withdraw'), value: 'ok', class: 'danger' }]);
  if (ok !== 'ok') return;
  await api('POST', `/api/v1/alerts/${a.id}/withdraw`, { body: { reason: reason.value.trim() } });
  await render();
}

page('/alerts/threads/:id', {
  title: 'alerts.title', roles: READERS,
  async render(ctx, { id }) {
    const { data } = await api('GET', `/api/v1/alerts/threads/${id}`);
    // Reading a report here is a signed-in read: record "opened" for those not opened yet.
    await Promise.all(data.items.filter((a) => a.reading.relation !== 'ORIGINATOR' && !a.reading.openedAt)
      .map((a) => api('GET', `/api/v1/alerts/${a.id}`)));
    const latest = data.items[data.items.length - 1];
    return [heading(latest.title, link('#/alerts', t('common.back'), { class: 'button secondary' })),
      [...data.items].reverse().map(report)];
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Composer: a draft, then a review with the reach before sending
// ---------------------------------------------------------------------------------------------------------------

async function tlpOptions(max) {
  const levels = await reference('/api/v1/reference/tlp-levels');
  return levels.filter((l) => !max || l.restrictiveness <= max)
    .map((l) => ({ code: l.code, label: `${l.nameEn}（${l.nameJa}）` }));
}

async function audienceFields(ctx, followUp) {
  const hint = t(followUp ? 'alerts.audienceSame' : 'alerts.audienceHint');
  if (national(ctx)) {
    const { data } = await api('GET', '/api/v1/alerts/destinations');
    return [{ kind: 'section', label: 'alerts.audience', fields: [
      { name: 'sectors', label: 'alerts.sectors', kind: 'multi', hint, options: data.sectors.map((s) => ({ code: s.code,
        label: s.ministry ? `${s.label}（${s.ministry}）` : s.label })) },
      { name: 'ceptoars', label: 'alerts.ceptoars', kind: 'multi', options: data.ceptoars.map((c) => ({ code: c.code, label: c.name })) },
      { name: 'ministries', label: 'alerts.ministries', kind: 'multi', options: data.ministries.map((m) => ({ code: m.code, label: m.name })) },
      { name: 'operators', label: 'alerts.operators', kind: 'lines' },
      { name: 'users', label: 'alerts.users', kind: 'multi', numeric: true, options: data.users.map((u) => ({ code: u.id, label: u.name })) },
    ] }];
  }
  const [members, users] = await Promise.all([all('/api/v1/members'), all('/api/v1/users')]);
  return [{ kind: 'section', label: 'alerts.audience', fields: [
    { name: 'allMembers', label: 'alerts.allMembers', kind: 'bool', hint },
    { name: 'nonMembers', label: 'alerts.nonMembers', kind: 'bool' },
    { name: 'members', label: 'alerts.members', kind: 'multi', numeric: true,
      options: members.filter((m) => m.membershipKind !== 'SUSPENDED').map((m) => ({ code: m.id, label: m.nameJa })) },
    { name: 'users', label: 'alerts.users', kind: 'multi', numeric: true, options: users.filter((u) => u.status === 'ACTIVE')
      .map((u) => ({ code: u.id, label: `${u.displayName || u.username}（${u.roleLabel}）` })) },
  ] }];
}

/** The audience entries of the API from the composer's fields (empty: none chosen). */
function audienceOf(v) {
  const out = [];
  if (v.allMembers) out.push({ kind: 'MEMBERS' });
  if (v.nonMembers) out.push({ kind: 'NON_MEMBER_RECIPIENTS' });
  (v.members || []).forEach((memberId) => out.push({ kind: 'MEMBER', memberId }));
  (v.sectors || []).forEach((sectorCode) => out.push({ kind: 'SECTOR', sectorCode }));
  (v.ceptoars || []).forEach((ceptoarCode) => out.push({ kind: 'CEPTOAR', ceptoarCode }));
  (v.ministries || []).forEach((nationalOrganisationCode) => out.push({ kind: 'MINISTRY', nationalOrganisationCode }));
  (v.operators || []).forEach((code) => out.push(code.replace(/\D/g, '').length === 6
    ? { kind: 'OPERATOR', localGovernmentCode: code.replace(/\D/g, '') } : { kind: 'OPERATOR', corporateNumber: code.replace(/\D/g, '') }));
  (v.users || []).forEach((userId) => out.push({ kind: 'USER', userId }));
  return out;
}

/** The composer's field values of a stored audience (for editing a draft). */
function audienceValue(entries) {
  const v = { members: [], sectors: [], ceptoars: [], ministries: [], operators: [], users: [] };
  for (const e of entries || []) {
    if (e.kind === 'MEMBERS') v.allMembers = true;
    if (e.kind === 'NON_MEMBER_RECIPIENTS') v.nonMembers = true;
    if (e.kind === 'MEMBER') v.members.push(e.memberId);
    if (e.kind === 'SECTOR') v.sectors.push(e.sectorCode);
    if (e.kind === 'CEPTOAR') v.ceptoars.push(e.ceptoarCode);
    if (e.kind === 'MINISTRY') v.ministries.push(e.nationalOrganisationCode);
    if (e.kind === 'OPERATOR') v.operators.push(e.corporateNumber || e.localGovernmentCode);
    if (e.kind === 'USER') v.users.push(e.userId);
  }
  return v;
}

async function composerFields(ctx, followUp) {
  return [
    { name: 'importance', label: 'alerts.importance', kind: 'select', required: true, options: () => options('ImportanceCode') },
    { name: 'tlp', label: 'alerts.tlp', kind: 'select', required: true, hint: t('alerts.tlpHint'),
      options: () => tlpOptions() },
    { name: 'specialRemarks', label: 'alerts.specialRemarks', kind: 'textarea', max: 2000 },
    { name: 'title', label: 'alerts.subject', kind: 'text', required: true, max: 200 },
    { name: 'outline', label: 'alerts.outline', kind: 'textarea', rows: 5, max: 20000 },
    { name: 'targets', label: 'alerts.targets', kind: 'textarea', rows: 3, max: 20000 },
    { name: 'handling', label: 'alerts.handling', kind: 'textarea', rows: 5, max: 20000 },
    { name: 'otherInfo', label: 'alerts.otherInfo', kind: 'textarea', rows: 3, max: 20000 },
    { name: 'annex', label: 'alerts.annexField', kind: 'bool' },
    { name: 'inquiryContact', label: 'alerts.inquiry', kind: 'text', max: 1000, hint: t('alerts.inquiryHint') },
    ...await audienceFields(ctx, followUp),
  ];
}

function bodyOf(v, followUpOf) {
  const { allMembers, nonMembers, members, sectors, ceptoars, ministries, operators, users, ...form } = v;
  const body = clean(form);
  body.annex = !!v.annex;
  const audience = audienceOf(v);
  if (audience.length || !followUpOf) body.audience = audience;
  if (followUpOf) body.followUpOf = Number(followUpOf);
  return body;
}

page('/alerts/new', {
  title: 'alerts.new', roles: SENDERS,
  async render(ctx, params, query) {
    const followUpOf = query.followUpOf || null;
    let value = {};
    if (followUpOf) {
      const { data } = await api('GET', `/api/v1/alerts/${followUpOf}`);
      value = { importance: data.importance.code, tlp: data.tlp.code, title: data.title, specialRemarks: data.specialRemarks || '',
        outline: data.outline || '', targets: data.targets || '', handling: data.handling || '', otherInfo: data.otherInfo || '',
        inquiryContact: data.inquiryContact || '' };
    }
    const form = await buildForm({
      fields: await composerFields(ctx, !!followUpOf), value, draftKey: `alert/new/${followUpOf || ''}`,
      extra: { key: idempotencyKey() }, labelledBy: 'page-title', submitLabel: t('alerts.saveDraft'),
      onCancel: () => go('/alerts'),
      async onSubmit(v, f) {
        const { data } = await api('POST', '/api/v1/alerts', { body: bodyOf(v, followUpOf), idempotencyKey: f.extra().key });
        f.clearDraft();
        go(`/alerts/drafts/${data.id}`);
      } });
    return [h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, t(followUpOf ? 'alerts.followUp' : 'alerts.new'))),
      form.element];
  },
});

page('/alerts/drafts/:id/edit', {
  title: 'alerts.editDraft', roles: SENDERS,
  async render(ctx, { id }) {
    const loaded = await api('GET', `/api/v1/alerts/${id}`);
    const a = loaded.data;
    const form = await buildForm({
      fields: await composerFields(ctx, false), draftKey: `alert/${id}`, extra: { etag: loaded.etag },
      value: { importance: a.importance.code, tlp: a.tlp.code, title: a.title, specialRemarks: a.specialRemarks || '',
        outline: a.outline || '', targets: a.targets || '', handling: a.handling || '', otherInfo: a.otherInfo || '',
        annex: a.annex, inquiryContact: a.inquiryContact || '', ...audienceValue(a.audience) },
      labelledBy: 'page-title', onCancel: () => go(`/alerts/drafts/${id}`),
      async onSubmit(v, f) {
        const body = bodyOf(v, null);
        for (const k of ['specialRemarks', 'outline', 'targets', 'handling', 'otherInfo', 'inquiryContact']) body[k] = v[k];
        await api('PATCH', `/api/v1/alerts/${id}`, { body, ifMatch: f.extra().etag });
        f.clearDraft();
        go(`/alerts/drafts/${id}`);
      } });
    return [h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, t('alerts.editDraft'))), form.element];
  },
});

page('/alerts/drafts/:id', {
  title: 'alerts.review', roles: SENDERS,
  async render(ctx, { id }) {
    const loaded = await api('GET', `/api/v1/alerts/${id}`);
    const a = loaded.data;
    if (a.status !== 'DRAFT') {
      go(`/alerts/threads/${a.threadId}`);
      return [];
    }
    let reach = null;
    let reachError = null;
    try {
      reach = (await api('POST', `/api/v1/alerts/${id}/send`, { query: { dryRun: true } })).data;
    } catch (e) {
      if (e.name === 'SessionExpired') throw e;
      reachError = e;
    }
    const key = idempotencyKey();
    const upload = h('input', { type: 'file', id: 'attach-file' });
    return [
      heading(t('alerts.review'), link(`#/alerts/drafts/${id}/edit`, t('alerts.editDraft'), { class: 'button secondary' })),
      reach ? notice('info', h('p', null, h('strong', null, t('alerts.reach', { organisations: number(reach.organisations),
        readers: number(reach.readers) }))), h('p', null, `${t('alerts.recipientsLine')}: ${reach.recipientsLine}`),
        h('p', null, t('alerts.dryRunNote'))) : null,
      reachError ? notice('error', h('p', null, reachError.problem?.detail || reachError.message),
        (reachError.problem?.violations || []).length ? h('ul', null, reachError.problem.violations.map((v) => h('li', null,
          `${v.field}: ${v.message}`))) : null) : null,
      report(a),
      h('section', { 'aria-labelledby': 'attach-h', class: 'card' }, h('h2', { id: 'attach-h' }, t('alerts.upload')),
        h('div', { class: 'field' }, h('label', { for: 'attach-file' }, t('alerts.upload')),
          h('p', { class: 'hint' }, t('alerts.uploadHint')), upload),
        h('ul', null, a.attachments.map((f) => h('li', null, f.filename, ' ', button(t('common.remove'), async () => {
          await api('DELETE', `/api/v1/alerts/${id}/attachments/${f.id}`);
          await render();
        }, 'link danger')))),
        button(t('alerts.upload'), async () => {
          const file = upload.files[0];
          if (!file) return;
          await api('POST', `/api/v1/alerts/${id}/attachments`, { query: { filename: file.name }, raw: file,
            contentType: file.type || 'application/octet-stream', idempotencyKey: idempotencyKey() });
          await render();
        })),
      h('div', { class: 'form-actions' },
        reach ? button(t('alerts.send'), async () => {
          if (!await confirm(t('alerts.send'), t('alerts.confirmSend', { organisations: number(reach.organisations) }), t('alerts.send'))) return;
          const { data } = await api('POST', `/api/v1/alerts/${id}/send`, { idempotencyKey: key });
          await go(`/alerts/threads/${data.alert.threadId}`);
          flash(t('alerts.sentOk', { number: data.alert.number }));
        }, 'primary') : null,
        button(t('alerts.deleteDraft'), async () => {
          if (!await confirm(t('alerts.deleteDraft'), t('common.confirmDelete'), t('common.delete'), true)) return;
          await api('DELETE', `/api/v1/alerts/${id}`, { ifMatch: loaded.etag });
          go('/alerts?box=sent');
        }, 'danger')),
    ];
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Pass-on (展開)
// ---------------------------------------------------------------------------------------------------------------

page('/alerts/:id/pass-on', {
  title: 'alerts.passOn', roles: ['secretariat-admin', 'secretariat-staff', 'ministry-officer'],
  async render(ctx, { id }) {
    const { data: a } = await api('GET', `/api/v1/alerts/${id}`);
    const levels = await reference('/api/v1/reference/tlp-levels');
    const received = levels.find((l) => l.code === a.tlp.code).restrictiveness;
    const labels = (await tlpOptions(received)).filter((o) => o.code !== 'RED');
    let audience;
    if (national(ctx)) {
      const { data } = await api('GET', '/api/v1/alerts/destinations');
      audience = [{ name: 'ceptoars', label: 'alerts.ceptoars', kind: 'multi', options: data.ceptoars.map((c) => ({ code: c.code, label: c.name })) }];
    } else {
      const members = await all('/api/v1/members');
      audience = [{ name: 'allMembers', label: 'alerts.allMembers', kind: 'bool' },
        { name: 'nonMembers', label: 'alerts.nonMembers', kind: 'bool' },
        { name: 'members', label: 'alerts.members', kind: 'multi', numeric: true,
          options: members.filter((m) => m.membershipKind !== 'SUSPENDED').map((m) => ({ code: m.id, label: m.nameJa })) }];
    }
    const result = h('div', { id: 'pass-on-reach' });
    const key = idempotencyKey();
    const form = await buildForm({
      fields: [{ name: 'tlp', label: 'alerts.passOnTlp', kind: 'select', required: true, options: labels }, ...audience],
      value: { tlp: a.tlp.code }, draftKey: `alert/${id}/pass-on`, labelledBy: 'page-title', submitLabel: t('alerts.check'),
      onCancel: () => go(`/alerts/threads/${a.threadId}`),
      async onSubmit(v, f) {
        const body = { tlp: v.tlp, audience: audienceOf(v) };
        const { data: dry } = await api('POST', `/api/v1/alerts/${id}/pass-ons`, { query: { dryRun: true }, body });
        const confirmButton = button(t('alerts.passOn'), async () => {
          const { data } = await api('POST', `/api/v1/alerts/${id}/pass-ons`, { body, idempotencyKey: key });
          f.clearDraft();
          await go(`/alerts/threads/${a.threadId}`);
          flash(t('alerts.passedOn', { number: a.number, organisations: number(data.organisations) }));
        }, 'primary');
        result.replaceChildren(notice('info', h('p', null, h('strong', null, t('alerts.reachPassOn', {
          organisations: number(dry.organisations), readers: number(dry.readers), alreadyReached: number(dry.alreadyReached),
          excluded: number(dry.excluded) })))), h('div', { class: 'form-actions' }, confirmButton));
        confirmButton.focus();
      } });
    return [h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, t('alerts.passOnTitle', { number: a.number }))),
      h('div', { class: 'hint' }, tlp(a)), form.element, result];
  },
});

// ---------------------------------------------------------------------------------------------------------------
// The sender's live acknowledgement list
// ---------------------------------------------------------------------------------------------------------------

page('/alerts/:id/recipients', {
  title: 'alerts.recipients', roles: READERS,
  async render(ctx, { id }, query) {
    const onlyOpen = query.state === 'OPEN';
    const [alert, loaded] = await Promise.all([api('GET', `/api/v1/alerts/${id}`),
      api('GET', `/api/v1/alerts/${id}/recipients`, { query: { state: onlyOpen ? 'OPEN' : null } })]);
    const v = loaded.data;
    const s = v.summary;
    const root = h('div', null,
      heading(t('alerts.recipientsTitle', { number: alert.data.number }),
        button(t('alerts.csv'), async () => {
          const { data } = await api('GET', `/api/v1/alerts/${id}/recipients`, { query: { format: 'csv', state: onlyOpen ? 'OPEN' : null },
            accept: 'text/csv', blob: true });
          saveBlob(data, `alert-${alert.data.number}-recipients.csv`);
        }),
        link(`#/alerts/threads/${alert.data.threadId}`, t('common.back'), { class: 'button secondary' })),
      progress(s.acknowledged, s.organisations, t('alerts.ack')),
      h('p', null, t('alerts.summary', s)),
      h('p', { class: 'button-row' },
        onlyOpen ? link(`#/alerts/${id}/recipients`, t('alerts.allOrgs')) : h('strong', null, t('alerts.allOrgs')),
        onlyOpen ? h('strong', null, t('alerts.onlyOpen')) : link(`#/alerts/${id}/recipients?state=OPEN`, t('alerts.onlyOpen'))),
      table([
        { label: t('alerts.organisation'), cell: (r) => r.organisation },
        { label: t('alerts.ceptoar'), cell: (r) => r.ceptoar || '—' },
        { label: t('alerts.addressed'), cell: (r) => t(`alerts.addressed.${r.addressed}`) },
        { label: t('alerts.reachedAt'), cell: (r) => dateTime(r.reachedAt) },
        { label: t('alerts.firstOpened'), cell: (r) => dateTime(r.firstOpenedAt) },
        { label: t('alerts.ack'), cell: (r) => ackBadge(r.acknowledgement) },
        { label: t('alerts.ackedAt'), cell: (r) => dateTime(r.acknowledgedAt) },
        { label: t('alerts.ackedBy'), cell: (r) => r.acknowledgedBy || '—' },
      ], v.items, { caption: t('alerts.recipients') }),
      h('p', { class: 'hint' }, t('alerts.live')));
    // Live: redraw every 30 seconds while this page is shown.
    const timer = setInterval(() => {
      if (!root.isConnected) clearInterval(timer);
      else render();
    }, 30000);
    return root;
  },
});
