// Record policies: the secretariat admin can make a record type read-only for operator staff.
import { h } from '../dom.js';
import { t, messages } from '../i18n.js';
import { api } from '../api.js';
import { page } from '../router.js';
import { heading, table, flash, showError } from '../ui.js';

messages({
  ja: { 'policies.title': '記録の編集権限', 'policies.intro': '記録の種類ごとに、事業者担当者（operator-staff）を閲覧のみにできます。事業者管理者と事務局は常に編集できます。',
    'policies.readOnly': '事業者担当者は閲覧のみ', 'policies.saved': '「{type}」の設定を保存しました。', 'policies.type': '記録の種類' },
  en: { 'policies.title': 'Record policies', 'policies.intro': 'For each record type, operator staff can be limited to reading. Operator admins and the secretariat can always edit.',
    'policies.readOnly': 'Operator staff read only', 'policies.saved': 'Saved the setting for "{type}".', 'policies.type': 'Record type' },
});

page('/policies', {
  title: 'policies.title', roles: ['secretariat-admin', 'secretariat-staff'], nav: { order: 60 },
  async render(ctx) {
    const { data } = await api('GET', '/api/v1/record-policies');
    const editable = ctx.role === 'secretariat-admin';
    return [heading(t('policies.title')), h('p', null, t('policies.intro')),
      table([
        { label: t('policies.type'), cell: (p) => p.recordTypeLabel },
        { label: t('policies.readOnly'), cell: (p) => {
          const id = `policy-${p.recordType}`;
          const box = h('input', { type: 'checkbox', id, checked: p.operatorStaffReadOnly, disabled: !editable,
            on: { change: async () => {
              box.disabled = true;
              try {
                const r = await api('PUT', `/api/v1/record-policies/${p.recordType}`,
                  { body: { operatorStaffReadOnly: box.checked }, ifMatch: p.etag });
                p.etag = r.data.etag;
                flash(t('policies.saved', { type: p.recordTypeLabel }));
              } catch (e) {
                box.checked = !box.checked;
                if (e.name !== 'SessionExpired') showError(e);
              } finally {
                box.disabled = false;
              }
            } } });
          return h('span', { class: 'check' }, box, h('label', { for: id }, t('policies.readOnly')));
        } },
      ], data.items, { caption: t('policies.title') })];
  },
});
