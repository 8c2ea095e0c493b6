// Readiness records of a member, every type through one set of pages: list (with "confirm unchanged"), view, create,
// edit (If-Match; a 412 shows what changed meanwhile and lets the user keep theirs or take the other), delete, and the
// history of what changed. Operators see their own member; the secretariat any member of its CEPTOAR.
import { h, mount } from '../dom.js';
import { t, pick, messages, dateTime } from '../i18n.js';
import { api, all, ApiError } from '../api.js';
import { page, go } from '../router.js';
import { heading, link, button, table, facts, confirm, flash, dialog, notice } from '../ui.js';
import { buildForm, clean, idempotencyKey } from '../forms.js';
import { RECORD_TYPES, recordType } from '../record-types.js';

messages({
  ja: {
    'records.title': '準備状況の記録', 'records.nav': '記録', 'records.new': '{type}を追加', 'records.confirm': '変更なしとして確認',
    'records.confirmed': '「{type}」を変更なしとして確認しました（{at}）。', 'records.count': '{count}件',
    'records.lastChanged': '最終更新', 'records.lastConfirmed': '最終確認', 'records.edit': '{name} を編集',
    'records.conflict.title': '他の人が先にこの記録を更新しました',
    'records.conflict.text': 'あなたが編集している間に、この記録は別の人によって変更されました。変更のあった項目は次のとおりです。',
    'records.conflict.field': '項目', 'records.conflict.mine': 'あなたの入力', 'records.conflict.theirs': '現在の内容',
    'records.conflict.changedBy': '変更した人', 'records.conflict.you': 'あなた', 'records.conflict.they': '他の人', 'records.conflict.both': '両方',
    'records.conflict.keepMine': '自分の変更を保存（他の人の変更も残す）', 'records.conflict.takeTheirs': '現在の内容を表示（自分の入力を破棄）',
    'records.history.title': '{name} の変更履歴', 'records.history.before': '変更前', 'records.history.after': '変更後',
    'records.change.CREATED': '作成', 'records.change.UPDATED': '更新', 'records.change.DELETED': '削除', 'records.change.CONFIRMED': '確認',
    'records.by': '{who} が {at} に', 'records.readOnly': 'この記録は閲覧のみです（事務局の設定）。', 'records.open': '開く',
    'records.memberRecords': '{member} の記録', 'records.export': 'すべての記録をエクスポート（JSON / Excel）',
  },
  en: {
    'records.title': 'Readiness records', 'records.nav': 'Records', 'records.new': 'Add {type}', 'records.confirm': 'Confirm unchanged',
    'records.confirmed': '"{type}" confirmed unchanged ({at}).', 'records.count': '{count}',
    'records.lastChanged': 'Last changed', 'records.lastConfirmed': 'Last confirmed', 'records.edit': 'Edit {name}',
    'records.conflict.title': 'Someone else changed this record first',
    'records.conflict.text': 'While you were editing, someone else changed this record. These fields were changed:',
    'records.conflict.field': 'Field', 'records.conflict.mine': 'Yours', 'records.conflict.theirs': 'Now stored',
    'records.conflict.changedBy': 'Changed by', 'records.conflict.you': 'you', 'records.conflict.they': 'someone else', 'records.conflict.both': 'both',
    'records.conflict.keepMine': 'Save my changes (keep theirs too)', 'records.conflict.takeTheirs': 'Show the stored version (drop mine)',
    'records.history.title': 'History of {name}', 'records.history.before': 'Before', 'records.history.after': 'After',
    'records.change.CREATED': 'Created', 'records.change.UPDATED': 'Updated', 'records.change.DELETED': 'Deleted', 'records.change.CONFIRMED': 'Confirmed',
    'records.by': 'by {who} at {at}', 'records.readOnly': 'This record type is read-only for you (secretariat setting).', 'records.open': 'Open',
    'records.memberRecords': 'Records of {member}', 'records.export': 'Export every record (JSON / Excel)',
  },
});

const base = (memberId, type) => `/api/v1/members/${memberId}/${type}`;

// Operators see their own member's records, the secretariat every member's: the API enforces it (404 otherwise).
const MEMBER_ROLES = ['secretariat-admin', 'secretariat-staff', 'operator-admin', 'operator-staff'];

async function withLinks(rt, memberId) {
  for (const f of rt.fields) {
    if (f.linksTo) {
      const target = recordType(f.linksTo);
      f.numeric = true;
      f.options = async () => (await all(base(memberId, target.type))).filter((x) => !x.deleted)
        .map((x) => ({ code: x.id, label: target.title(x) }));
    }
  }
  return rt;
}

async function memberName(memberId) {
  try {
    return (await api('GET', `/api/v1/members/${memberId}`)).data.nameJa;
  } catch {
    return `#${memberId}`;
  }
}

// The hub: every record type of the member with its count and freshness.
page('/m/:memberId', {
  title: 'records.title', roles: MEMBER_ROLES,
  nav: { order: 20, label: 'records.nav', path: (ctx) => `/m/${ctx.memberId}`, when: (ctx) => ctx.memberId !== null },
  async render(ctx, { memberId }) {
    const [fresh, name] = await Promise.all([api('GET', `/api/v1/members/${memberId}/freshness`), memberName(memberId)]);
    const states = Object.fromEntries(fresh.data.records.map((r) => [r.recordType, r]));
    const labels = Object.fromEntries(fresh.data.recordTypes.map((r) => [r.code, r.label]));
    return [
      heading(t('records.memberRecords', { member: name })),
      table([
        { label: t('common.name'), cell: (rt) => link(rt.href || `#/m/${memberId}/${rt.type}`, pick(rt.label)) },
        { label: t('common.status'), cell: (rt) => statusBadge(states[rt.freshness], labels) },
        { label: t('records.lastChanged'), cell: (rt) => dateTime(states[rt.freshness]?.lastChangedAt) },
        { label: t('records.lastConfirmed'), cell: (rt) => dateTime(states[rt.freshness]?.lastConfirmedAt) },
      ], [...RECORD_TYPES, { type: 'self-assessment', freshness: 'self-assessment', href: `#/assessment/${memberId}`,
        label: { ja: '自己評価', en: 'Self-assessment' } }], { caption: t('records.title') }),
      h('p', null, link(`#/export/${memberId}`, t('records.export'))),
    ];
  },
});

export function statusBadge(state, _labels) {
  if (!state) return '—';
  return h('span', { class: `badge ${({ CURRENT: 'ok', INCOMPLETE: 'warn', STALE: 'bad', MISSING: 'bad' })[state.status]}` },
    t(`fresh.${state.status}`));
}

messages({
  ja: { 'fresh.CURRENT': '最新', 'fresh.INCOMPLETE': '不完全', 'fresh.STALE': '確認期限切れ', 'fresh.MISSING': '未登録' },
  en: { 'fresh.CURRENT': 'Current', 'fresh.INCOMPLETE': 'Incomplete', 'fresh.STALE': 'Stale', 'fresh.MISSING': 'Missing' },
});

page('/m/:memberId/:type', {
  title: (p) => pick(recordType(p.type)?.label) || t('app.notFound'), roles: MEMBER_ROLES,
  async render(ctx, { memberId, type }) {
    const rt = recordType(type);
    if (!rt) throw new ApiError(404, { title: t('app.notFound') });
    const [items, fresh] = await Promise.all([all(base(memberId, type)),
      api('GET', `/api/v1/members/${memberId}/freshness`).catch(() => null)]);
    const state = fresh?.data.records.find((r) => r.recordType === rt.freshness);
    const live = items.filter((x) => !x.deleted);
    const confirmBtn = button(t('records.confirm'), async () => {
      const { data } = await api('POST', `${base(memberId, type)}/confirm`);
      flash(t('records.confirmed', { type: pick(rt.label), at: dateTime(data.confirmedAt) }));
    }, 'secondary', { id: 'confirm-unchanged' });
    return [
      heading(pick(rt.label), link(`#/m/${memberId}/${type}/new`, t('records.new', { type: pick(rt.one) }), { class: 'button primary' }),
        live.length ? confirmBtn : null),
      state ? h('p', { class: 'meta' }, statusBadge(state), ' ', `${t('records.lastChanged')}: ${dateTime(state.lastChangedAt)}　${t('records.lastConfirmed')}: ${dateTime(state.lastConfirmedAt)}`) : null,
      table(rt.columns.map((c, i) => ({ label: pick(c.label),
        cell: i === 0 ? (x) => link(`#/m/${memberId}/${type}/${x.id}`, c.cell(x)) : c.cell })), live,
      { caption: pick(rt.label) }),
    ];
  },
});

page('/m/:memberId/:type/new', {
  title: (p) => t('records.new', { type: pick(recordType(p.type)?.one) }), roles: MEMBER_ROLES,
  async render(ctx, { memberId, type }) {
    const rt = await withLinks(recordType(type), memberId);
    const title = t('records.new', { type: pick(rt.one) });
    const form = await buildForm({
      fields: rt.fields, draftKey: `${memberId}/${type}/new`, extra: { key: idempotencyKey() }, labelledBy: 'page-title',
      onCancel: () => go(`/m/${memberId}/${type}`),
      async onSubmit(value, f) {
        const { data } = await api('POST', base(memberId, type), { body: clean(value, 'create'), idempotencyKey: f.extra().key });
        f.clearDraft();
        go(`/m/${memberId}/${type}/${data.id}?saved=1`);
      },
    });
    return [h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, title)), form.element];
  },
});

function display(field, value) {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    if (!value.length) return null;
    if (typeof value[0] === 'object') {
      return h('ul', { class: 'plain' }, value.map((v) => h('li', null, Object.entries(v)
        .filter(([k, x]) => !k.endsWith('Label') && x !== null && x !== '' && !(typeof x === 'object'))
        .map(([k, x]) => v[`${k}Label`] ?? (typeof x === 'boolean' ? (x ? t('common.yes') : t('common.no')) : x)).join(' / '))));
    }
    return value.join('、');
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'object') {
    if ('label' in value) return value.label;
    return facts(Object.entries(value).filter(([k]) => !k.endsWith('Label')).map(([k, v]) => [k, display(null, v)]));
  }
  return String(value);
}

function fieldFacts(rt, item) {
  const flat = rt.fields.flatMap((f) => (f.kind === 'section' ? f.fields : [f]));
  return facts(flat.map((f) => {
    const label = typeof f.label === 'string' ? t(f.label) : pick(f.label);
    let v = item[`${f.name}Label`] ?? item[`${f.name}Labels`] ?? item[f.name];
    if (f.name === 'functions') v = item.functions.map((x) => `${x.functionLabel}（${x.orderLabel}）`);
    if (f.name === 'channels') v = item.channels.map((x) => `${x.typeLabel}: ${x.value}${x.verifiedAt ? `（${x.verifiedAt}）` : ''}`);
    if (f.linksTo) v = (item[f.name] || []).map((id) => `#${id}`);
    return [label, display(f, v)];
  }));
}

page('/m/:memberId/:type/:id', {
  title: (p) => pick(recordType(p.type)?.one) || '', roles: MEMBER_ROLES,
  async render(ctx, { memberId, type, id }, query) {
    const rt = await withLinks(recordType(type), memberId);
    const loaded = await api('GET', `${base(memberId, type)}/${id}`);
    const item = loaded.data;
    const name = rt.title(item);
    const content = h('div');
    const show = () => mount(content, 
      heading(name,
        button(t('common.edit'), () => edit(), 'primary', { id: 'edit-record' }),
        link(`#/m/${memberId}/${type}/${id}/history`, t('common.history'), { class: 'button secondary' }),
        button(t('common.delete'), async () => {
          if (await confirm(t('common.delete'), t('common.confirmDelete'), t('common.delete'), true)) {
            await api('DELETE', `${base(memberId, type)}/${id}`, { ifMatch: loaded.etag });
            go(`/m/${memberId}/${type}`);
          }
        }, 'danger')),
      query.saved ? h('div', { class: 'notice success', role: 'status' }, t('common.saved')) : null,
      h('p', { class: 'meta' }, `${t('common.updatedAt')}: ${dateTime(item.updatedAt)}`),
      fieldFacts(rt, item));
    const edit = async () => {
      const draftKey = `${memberId}/${type}/${id}`;
      const original = rt.toInput ? rt.toInput(item) : item;
      const form = await buildForm({
        fields: rt.fields, value: original, draftKey, extra: { etag: loaded.etag, original },
        labelledBy: 'edit-title',
        onCancel: () => go(`/m/${memberId}/${type}/${id}`),
        async onSubmit(value, f) {
          try {
            await api('PATCH', `${base(memberId, type)}/${id}`, { body: clean(value, 'update'), ifMatch: f.extra().etag });
          } catch (e) {
            if (e instanceof ApiError && e.status === 412) {
              await resolveConflict(rt, memberId, type, id, value, f.extra().original || original, f);
              return;
            }
            throw e;
          }
          f.clearDraft();
          if (location.hash.includes('?saved=1')) location.hash = `/m/${memberId}/${type}/${id}`;
          go(`/m/${memberId}/${type}/${id}?saved=1`);
        },
      });
      mount(content, h('div', { class: 'page-head' }, h('h1', { id: 'edit-title', tabindex: '-1' },
        t('records.edit', { name }))), form.element);
      content.querySelector('h1').focus();
    };
    show();
    // A draft of an edit in progress (reload, expired session): go straight back to the form.
    if (sessionStorage.getItem(`ceptoar.draft:${memberId}/${type}/${id}`)) await edit();
    return content;
  },
});

/**
 * A 412: someone saved this record since the user opened the form. Show, field by field, what the user changed and
 * what the other person changed (against the version the form was opened on). "Keep mine" sends only the user's own
 * changes with the new ETag, so the other person's changes to other fields stay; "take theirs" drops the input.
 */
async function resolveConflict(rt, memberId, type, id, mine, original, form) {
  const current = await api('GET', `${base(memberId, type)}/${id}`);
  const theirs = rt.toInput ? rt.toInput(current.data) : current.data;
  const flat = rt.fields.flatMap((f) => (f.kind === 'section' ? f.fields : [f]));
  // Compare values as the form holds them: no display labels, no empty parts.
  const strip = (v) => (Array.isArray(v) ? v.map(strip) : v && typeof v === 'object'
    ? Object.fromEntries(Object.entries(v).filter(([k]) => !/Labels?$/.test(k)).map(([k, x]) => [k, strip(x)])) : v);
  const norm = (v) => JSON.stringify(clean({ v: strip(v) ?? '' }, 'create').v ?? '');
  const byMe = new Set(flat.filter((f) => norm(mine[f.name]) !== norm(original[f.name])).map((f) => f.name));
  const byThem = new Set(flat.filter((f) => norm(theirs[f.name]) !== norm(original[f.name])).map((f) => f.name));
  const rows = flat.filter((f) => byMe.has(f.name) || byThem.has(f.name));
  const cell = (v) => (Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? Object.entries(x)
    .filter(([k, y]) => !k.endsWith('Label') && y !== null && y !== '' && typeof y !== 'object').map(([, y]) => y).join(' ') : x)).join('、')
    : (v === null || v === undefined || v === '' ? '—' : String(v)));
  const who = (f) => t(byMe.has(f.name) && byThem.has(f.name) ? 'records.conflict.both' : byMe.has(f.name) ? 'records.conflict.you' : 'records.conflict.they');
  const choice = await dialog(t('records.conflict.title'), h('div', null,
    h('p', null, t('records.conflict.text')),
    table([
      { label: t('records.conflict.field'), cell: (f) => (typeof f.label === 'string' ? t(f.label) : pick(f.label)) },
      { label: t('records.conflict.changedBy'), cell: who },
      { label: t('records.conflict.mine'), cell: (f) => cell(mine[f.name]) },
      { label: t('records.conflict.theirs'), cell: (f) => cell(current.data[`${f.name}Label`] ?? theirs[f.name]) },
    ], rows)), [
    { label: t('records.conflict.takeTheirs'), value: 'theirs' },
    { label: t('records.conflict.keepMine'), value: 'mine', class: 'primary' }]);
  if (choice === 'mine') {
    const changes = Object.fromEntries(Object.entries(mine).filter(([k]) => byMe.has(k)));
    await api('PATCH', `${base(memberId, type)}/${id}`, { body: clean(changes, 'update'), ifMatch: current.etag });
    form.clearDraft();
    go(`/m/${memberId}/${type}/${id}?saved=1`);
  } else {
    form.clearDraft();
    go(`/m/${memberId}/${type}/${id}`);
  }
}

page('/m/:memberId/:type/:id/history', {
  title: 'common.history', roles: MEMBER_ROLES,
  async render(ctx, { memberId, type, id }) {
    const rt = recordType(type);
    const item = (await api('GET', `${base(memberId, type)}/${id}`)).data;
    const entries = await all(`${base(memberId, type)}/${id}/history`);
    const changeRows = (e) => {
      const keys = [...new Set([...Object.keys(e.before || {}), ...Object.keys(e.after || {})])];
      if (!keys.length) return null;
      const v = (x) => (x === undefined || x === null ? '—' : (typeof x === 'object' ? JSON.stringify(x) : String(x)));
      return table([
        { label: t('records.conflict.field'), cell: (k) => k },
        { label: t('records.history.before'), cell: (k) => v(e.before?.[k]) },
        { label: t('records.history.after'), cell: (k) => v(e.after?.[k]) },
      ], keys);
    };
    return [
      heading(t('records.history.title', { name: rt.title(item) }), link(`#/m/${memberId}/${type}/${id}`, t('common.back'), { class: 'button secondary' })),
      h('ol', { class: 'history' }, entries.slice().reverse().map((e) => h('li', null,
        h('p', null, h('strong', null, t(`records.change.${e.changeType}`).startsWith('⟦') ? e.changeType : t(`records.change.${e.changeType}`)),
          ' ', t('records.by', { who: e.actorName || '—', at: dateTime(e.changedAt) })),
        changeRows(e)))),
    ];
  },
});
