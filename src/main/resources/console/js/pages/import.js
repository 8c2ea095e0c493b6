// Bulk import of member operators from CSV (UTF-8 or Shift_JIS) or .xlsx: the file is checked first (dry run) and
// each error is shown on its row of the file, as the secretariat's spreadsheet has it; then all rows or none go in.
import { h, mount } from '../dom.js';
import { t, messages } from '../i18n.js';
import { api } from '../api.js';
import { page } from '../router.js';
import { heading, notice, table, link } from '../ui.js';
import { idempotencyKey } from '../forms.js';

messages({
  ja: { 'import.title': '一括登録', 'import.intro': 'CSV（UTF-8 または Shift_JIS）または Excel（.xlsx）で事業者を一括登録します。1行目は列名（nameJa / 名称 など）です。まず内容を検査し、誤りがなければ全行を登録します（1行でも誤りがあれば1行も登録しません）。',
    'import.file': 'ファイル', 'import.check': '内容を検査', 'import.run': '{count}件を登録', 'import.ok': '誤りはありません。{count}件を登録できます。',
    'import.errors': '{count}件の誤りがあります。該当する行を直してから、もう一度検査してください。', 'import.done': '{count}件を登録しました。',
    'import.row': '行', 'import.error': '誤り', 'import.file.errors': 'ファイル全体の誤り', 'import.preview': 'ファイルの内容と誤り' },
  en: { 'import.title': 'Bulk import', 'import.intro': 'Registers members from a CSV (UTF-8 or Shift_JIS) or Excel (.xlsx) file. The first row names the columns (nameJa / 名称 …). The file is checked first; if every row is right, all rows are imported (one bad row and none are).',
    'import.file': 'File', 'import.check': 'Check the file', 'import.run': 'Import {count} rows', 'import.ok': 'No errors: {count} rows can be imported.',
    'import.errors': '{count} errors. Correct the rows shown and check again.', 'import.done': '{count} members imported.',
    'import.row': 'Row', 'import.error': 'Error', 'import.file.errors': 'Errors in the file as a whole', 'import.preview': 'The file and its errors' },
});

/** RFC 4180 CSV into rows of cells (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

function decode(buffer) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('shift_jis').decode(buffer);
  }
}

page('/import', {
  title: 'import.title', roles: ['secretariat-admin', 'secretariat-staff'], nav: { order: 25 },
  async render() {
    const result = h('div', { id: 'import-result' });
    const input = h('input', { id: 'import-file', type: 'file', accept: '.csv,.xlsx,text/csv', required: true });
    let key = null;
    const send = async (dryRun) => {
      const file = input.files[0];
      if (!file) return;
      const xlsx = file.name.toLowerCase().endsWith('.xlsx');
      const buffer = await file.arrayBuffer();
      const rows = xlsx ? null : parseCsv(decode(buffer));
      try {
        const { data } = await api('POST', '/api/v1/members/imports', { raw: buffer, query: dryRun ? { dryRun: 'true' } : {},
          contentType: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
          idempotencyKey: dryRun ? null : key });
        const count = dryRun ? (rows ? rows.filter((r) => r.some((c) => c.trim())).length - 1 : data.memberIds.length || '') : data.imported;
        mount(result, dryRun
          ? h('div', null, notice('success', t('import.ok', { count: data.imported ?? count })),
            h('button', { type: 'button', class: 'primary', id: 'import-run', on: { click: () => send(false) } },
              t('import.run', { count: data.imported ?? count })))
          : notice('success', t('import.done', { count: data.imported }), ' ', link('#/members', t('members.title'))));
        if (!dryRun) key = idempotencyKey();
      } catch (e) {
        if (e.name === 'SessionExpired') return;
        const violations = e.problem?.violations || [];
        const byRow = new Map();
        violations.forEach((v) => byRow.set(v.row, [...(byRow.get(v.row) || []), v]));
        const whole = violations.filter((v) => !v.row || v.field === 'file');
        const header = rows ? rows[0] : [];
        const shown = rows ? rows.map((cells, i) => ({ n: i + 1, cells })).filter((r) => r.n > 1 && r.cells.some((c) => c.trim())) : [];
        mount(result, 
          notice('error', violations.length ? t('import.errors', { count: e.problem.errorCount ?? violations.length }) : (e.problem?.detail || e.message)),
          whole.length ? h('div', null, h('h2', null, t('import.file.errors')), h('ul', null, whole.map((v) => h('li', null, `${v.field}: ${v.message}`)))) : null,
          rows ? h('section', { 'aria-labelledby': 'preview-h' }, h('h2', { id: 'preview-h' }, t('import.preview')),
            h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'preview-h' },
              h('table', { class: 'import-preview' },
                h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('import.row')), header.map((c) => h('th', { scope: 'col' }, c)),
                  h('th', { scope: 'col' }, t('import.error')))),
                h('tbody', null, shown.map((r) => {
                  const errs = byRow.get(r.n) || [];
                  return h('tr', { class: errs.length ? 'has-error' : null, dataset: { row: r.n } },
                    h('th', { scope: 'row' }, String(r.n)),
                    r.cells.map((c, i) => h('td', { class: errs.some((v) => v.field === header[i]) ? 'cell-error' : null }, c)),
                    h('td', { class: 'row-errors' }, errs.map((v) => h('p', null, `${v.field}: ${v.message}`))));
                })))))
            : h('ul', null, violations.filter((v) => v.row).map((v) => h('li', null, `${t('import.row')} ${v.row}: ${v.field}: ${v.message}`))));
      }
      result.querySelector('.notice')?.setAttribute('tabindex', '-1');
      result.querySelector('.notice')?.focus();
    };
    input.addEventListener('change', () => { key = idempotencyKey(); mount(result); });
    return [heading(t('import.title')), h('p', null, t('import.intro')),
      h('form', { class: 'form', on: { submit: (e) => { e.preventDefault(); send(true); } } },
        h('div', { class: 'field' }, h('label', { for: 'import-file' }, t('import.file')), input),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', id: 'import-check' }, t('import.check')))),
      result];
  },
});
