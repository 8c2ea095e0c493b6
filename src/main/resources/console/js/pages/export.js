// Export of a member's whole record set, as JSON or as an Excel workbook (the API audits every export).
import { h, mount } from '../dom.js';
import { t, messages, todayJst } from '../i18n.js';
import { api, saveBlob } from '../api.js';
import { page } from '../router.js';
import { heading, button, notice } from '../ui.js';

messages({
  ja: { 'export.title': 'エクスポート', 'export.intro': 'この事業者のすべての記録を一括でダウンロードします。ダウンロードは監査ログに記録されます。取扱いに注意してください（連絡先などの個人情報を含みます）。',
    'export.json': 'JSON でダウンロード', 'export.xlsx': 'Excel（.xlsx）でダウンロード', 'export.done': '{file} をダウンロードしました。' },
  en: { 'export.title': 'Export', 'export.intro': 'Downloads every record of this member at once. Each download is written to the audit log. Handle the file with care: it holds personal data such as contacts.',
    'export.json': 'Download as JSON', 'export.xlsx': 'Download as Excel (.xlsx)', 'export.done': 'Downloaded {file}.' },
});

page('/export/:memberId', {
  title: 'export.title', roles: ['secretariat-admin', 'secretariat-staff', 'operator-admin', 'operator-staff'],
  nav: { order: 40, path: (ctx) => `/export/${ctx.memberId}`, when: (ctx) => ctx.memberId !== null },
  async render(ctx, { memberId }) {
    const status = h('div', { role: 'status' });
    const download = (format) => async () => {
      const xlsx = format === 'xlsx';
      const { data } = await api('GET', `/api/v1/members/${memberId}/records-export`, {
        query: xlsx ? { format: 'xlsx' } : {}, blob: true,
        accept: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/json' });
      const file = `records-${memberId}-${todayJst()}.${xlsx ? 'xlsx' : 'json'}`;
      saveBlob(data, file);
      mount(status, notice('success', t('export.done', { file })));
    };
    return [heading(t('export.title')), h('p', null, t('export.intro')),
      h('div', { class: 'button-row' }, button(t('export.json'), download('json'), 'primary'), button(t('export.xlsx'), download('xlsx'))),
      status];
  },
});
