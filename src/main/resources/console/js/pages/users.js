// Users of the CEPTOAR (secretariat) or of the operator's own organisation (operator admin): invitation, role
// changes, disabling and re-enabling, removal.
import { h, mount } from '../dom.js';
import { t, messages, dateTime, pick } from '../i18n.js';
import { api, all } from '../api.js';
import { page, go } from '../router.js';
import { heading, link, button, table, facts, badge, notice, confirm, flash } from '../ui.js';
import { buildForm, clean, idempotencyKey } from '../forms.js';
import { options } from '../codes.js';

messages({
  ja: { 'users.title': 'ユーザー', 'users.invite': 'ユーザーを招待', 'users.username': 'ユーザー名', 'users.email': '電子メール',
    'users.displayName': '表示名', 'users.role': 'ロール', 'users.member': '所属する事業者', 'users.status': '状態',
    'users.lastSeen': '最終利用', 'users.disable': '無効化', 'users.enable': '有効化', 'users.delete': 'ユーザーを削除',
    'users.changeRole': 'ロールを変更', 'users.invited': '{username} を招待しました。', 'users.emailSent': '招待メールを送信しました。',
    'users.tempPassword': '一時パスワード: {password} — 電子メール以外の安全な方法で本人に伝えてください。この画面を離れると再表示できません。',
    'users.requiredActions': '初回サインイン時に必要な手続き: {actions}', 'users.ACTIVE': '有効', 'users.DISABLED': '無効',
    'users.memberHint': '事業者のロールでは必須、事務局のロールでは空欄にします。', 'users.filtered': '事業者 #{id} のユーザー',
    'users.resetSecondFactor': '二要素認証をリセット',
    'users.resetSecondFactorText': '{username} の認証アプリ（ワンタイムパスワード）の登録を削除し、サインイン中のセッションを終了します。本人であることを電子メール以外の方法で確認してから実行してください。',
    'users.secondFactorReset': '{username} の二要素認証をリセットしました。次回のサインインで認証アプリを登録し直します。' },
  en: { 'users.title': 'Users', 'users.invite': 'Invite a user', 'users.username': 'Username', 'users.email': 'Email',
    'users.displayName': 'Display name', 'users.role': 'Role', 'users.member': 'Member organisation', 'users.status': 'Status',
    'users.lastSeen': 'Last active', 'users.disable': 'Disable', 'users.enable': 'Enable', 'users.delete': 'Delete user',
    'users.changeRole': 'Change role', 'users.invited': '{username} invited.', 'users.emailSent': 'An invitation email was sent.',
    'users.tempPassword': 'One-time password: {password} — hand it over by a safe channel other than email. It is not shown again once you leave.',
    'users.requiredActions': 'At first sign-in: {actions}', 'users.ACTIVE': 'Active', 'users.DISABLED': 'Disabled',
    'users.memberHint': 'Required for operator roles; leave empty for secretariat roles.', 'users.filtered': 'Users of member #{id}',
    'users.resetSecondFactor': 'Reset second factor',
    'users.resetSecondFactorText': 'Removes the authenticator (one-time password) of {username} and ends their sessions. Confirm who is asking by a channel other than email first.',
    'users.secondFactorReset': 'The second factor of {username} was reset. They enrol an authenticator again at their next sign-in.' },
});

const ADMINS = ['secretariat-admin', 'secretariat-staff', 'operator-admin'];

async function roleOptions(ctx) {
  const roles = await options('TenantRoleCode');
  return ctx.role === 'operator-admin' ? roles.filter((r) => r.code.startsWith('operator-')) : roles;
}

async function memberOptions(ctx) {
  if (ctx.role === 'operator-admin') return [{ code: ctx.memberId, label: `#${ctx.memberId}` }];
  return (await all('/api/v1/members')).map((m) => ({ code: m.id, label: m.nameJa }));
}

page('/users', {
  title: 'users.title', roles: ADMINS, nav: { order: 50 },
  async render(ctx, params, query) {
    const member = ctx.role === 'operator-admin' ? ctx.memberId : query.member;
    const users = await all('/api/v1/users', { memberOperatorId: member });
    return [
      heading(t('users.title'), ctx.role !== 'secretariat-staff'
        ? link(`#/users/new${query.member ? `?member=${query.member}` : ''}`, t('users.invite'), { class: 'button primary' }) : null),
      query.member ? h('p', null, t('users.filtered', { id: query.member })) : null,
      table([
        { label: t('users.username'), cell: (u) => link(`#/users/${u.id}`, u.username) },
        { label: t('users.displayName'), cell: (u) => u.displayName || '—' },
        { label: t('users.role'), cell: (u) => u.roleLabel },
        { label: t('users.status'), cell: (u) => badge(u.status, t(`users.${u.status}`)) },
        { label: t('users.lastSeen'), cell: (u) => dateTime(u.lastSeenAt) },
      ], users, { caption: t('users.title') }),
    ];
  },
});

page('/users/new', {
  title: 'users.invite', roles: ['secretariat-admin', 'operator-admin'],
  async render(ctx, params, query) {
    const result = h('div');
    const form = await buildForm({
      fields: [
        { name: 'username', label: 'users.username', kind: 'text', required: true, max: 100, autocomplete: 'off' },
        { name: 'email', label: 'users.email', kind: 'email', required: true, max: 254 },
        { name: 'displayName', label: 'users.displayName', kind: 'text', max: 200 },
        { name: 'role', label: 'users.role', kind: 'select', required: true, options: () => roleOptions(ctx) },
        { name: 'memberOperatorId', label: 'users.member', kind: 'select', hint: { ja: t('users.memberHint'), en: t('users.memberHint') },
          options: () => memberOptions(ctx) },
      ],
      value: { memberOperatorId: query.member || (ctx.role === 'operator-admin' ? ctx.memberId : '') },
      draftKey: 'user/new', extra: { key: idempotencyKey() }, labelledBy: 'page-title', submitLabel: t('users.invite'),
      onCancel: () => go('/users'),
      async onSubmit(value, f) {
        const body = clean(value);
        if (body.memberOperatorId) body.memberOperatorId = Number(body.memberOperatorId);
        const { data } = await api('POST', '/api/v1/users', { body, idempotencyKey: f.extra().key });
        f.clearDraft();
        f.setExtra({ key: idempotencyKey() });
        f.element.reset();
        f.clearDraft();
        mount(result, notice('success',
          h('p', null, t('users.invited', { username: data.username })),
          data.emailSent ? h('p', null, t('users.emailSent')) : null,
          data.temporaryPassword ? h('p', { class: 'secret' }, t('users.tempPassword', { password: data.temporaryPassword })) : null,
          data.requiredActions?.length ? h('p', null, t('users.requiredActions', { actions: data.requiredActions.join(', ') })) : null,
          h('p', null, link(`#/users/${data.userId}`, data.username))));
        result.querySelector('.notice').focus?.();
      },
    });
    return [h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, t('users.invite'))), result, form.element];
  },
});

/**
 * A lost or replaced phone: the secretariat admin resets the person's authenticator (their sessions end; a role that
 * needs a second factor enrols a new one at the next sign-in). Another secretariat admin, and oneself, are reset by a
 * platform admin or another administrator, so the button is not offered there (the API refuses them as well).
 */
function secondFactorActions(ctx, id, u) {
  if (ctx.role !== 'secretariat-admin' || u.role === 'secretariat-admin' || u.username === ctx.me.user.username) return null;
  return button(t('users.resetSecondFactor'), async () => {
    if (await confirm(t('users.resetSecondFactor'), t('users.resetSecondFactorText', { username: u.username }),
      t('users.resetSecondFactor'), true)) {
      await api('POST', `/api/v1/users/${id}/second-factor-reset`);
      flash(t('users.secondFactorReset', { username: u.username }));
    }
  }, 'secondary');
}

page('/users/:id', {
  title: 'users.title', roles: ADMINS,
  async render(ctx, { id }) {
    const loaded = await api('GET', `/api/v1/users/${id}`);
    const u = loaded.data;
    const canManage = ctx.role !== 'secretariat-staff';
    const roleForm = canManage ? await buildForm({
      fields: [{ name: 'role', label: 'users.role', kind: 'select', required: true, options: () => roleOptions(ctx) },
        { name: 'memberOperatorId', label: 'users.member', kind: 'select', options: () => memberOptions(ctx) }],
      value: { role: u.role, memberOperatorId: u.memberOperatorId ?? '' }, draftKey: `user/${id}`, extra: { etag: loaded.etag },
      submitLabel: t('users.changeRole'), labelledBy: 'role-h',
      async onSubmit(value, f) {
        const body = { role: value.role };
        if (value.memberOperatorId) body.memberOperatorId = Number(value.memberOperatorId);
        await api('PATCH', `/api/v1/users/${id}`, { body, ifMatch: f.extra().etag });
        f.clearDraft();
        go(`/users/${id}`);
      } }) : null;
    return [
      heading(u.displayName || u.username,
        canManage ? button(u.status === 'ACTIVE' ? t('users.disable') : t('users.enable'), async () => {
          await api('POST', `/api/v1/users/${id}/${u.status === 'ACTIVE' ? 'disable' : 'enable'}`);
          go(`/users/${id}`);
        }, u.status === 'ACTIVE' ? 'danger' : 'secondary') : null,
        secondFactorActions(ctx, id, u),
        canManage ? button(t('users.delete'), async () => {
          if (await confirm(t('users.delete'), t('common.confirmDelete'), t('common.delete'), true)) {
            await api('DELETE', `/api/v1/users/${id}`);
            go('/users');
          }
        }, 'danger') : null),
      facts([[t('users.username'), u.username], [t('users.email'), u.email], [t('users.role'), u.roleLabel],
        [t('users.member'), u.memberOperatorId ? link(`#/members/${u.memberOperatorId}`, `#${u.memberOperatorId}`) : null],
        [t('users.status'), badge(u.status, t(`users.${u.status}`))], [t('users.lastSeen'), dateTime(u.lastSeenAt)],
        [t('common.updatedAt'), dateTime(u.updatedAt)]]),
      roleForm ? h('section', { 'aria-labelledby': 'role-h' }, h('h2', { id: 'role-h' }, t('users.changeRole')), roleForm.element) : null,
    ];
  },
});
