// Japanese by default, English on request; the choice is remembered in localStorage (not a secret).
// Dates and times are shown in 西暦, 24-hour, Japan Standard Time, whatever the browser's own zone.

const STORE = 'ceptoar.lang';
const catalogues = { ja: {}, en: {} };
let current = localStorage.getItem(STORE) === 'en' ? 'en' : 'ja';

/** Pages register their own messages: messages({ja: {...}, en: {...}}). */
export function messages(more) {
  for (const lang of ['ja', 'en']) Object.assign(catalogues[lang], more[lang] || {});
}

export function lang() {
  return current;
}

export function setLang(value) {
  current = value === 'en' ? 'en' : 'ja';
  localStorage.setItem(STORE, current);
  document.documentElement.lang = current;
}

/** The message for key with {placeholders} filled in; a missing key shows as ⟦key⟧ (the browser tests look for it). */
export function t(key, params) {
  let text = catalogues[current][key] ?? catalogues.ja[key];
  if (text === undefined) return `⟦${key}⟧`;
  if (params) text = text.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m));
  return text;
}

/** Picks the text of the current language from a {ja, en} pair (or returns a plain string). */
export function pick(value) {
  if (value && typeof value === 'object') return value[current] ?? value.ja;
  return value;
}

const TZ = 'Asia/Tokyo';

function formatter(options) {
  const locale = current === 'en' ? 'en-GB' : 'ja-JP';
  return new Intl.DateTimeFormat(`${locale}-u-ca-gregory`, { timeZone: TZ, ...options });
}

/** An instant (ISO 8601 with zone) as 2026/03/31 14:05 JST. */
export function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(formatter({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', hourCycle: 'h23' }).formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute} JST`;
}

/** A calendar date (YYYY-MM-DD, no zone) as 2026/03/31. */
export function date(value) {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[1]}/${m[2]}/${m[3]}` : value;
}

/** Today's date in Japan as YYYY-MM-DD (for date inputs). */
export function todayJst() {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit',
    day: '2-digit' }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function number(n) {
  return n === null || n === undefined ? '—' : new Intl.NumberFormat(current === 'en' ? 'en-GB' : 'ja-JP').format(n);
}

messages({
  ja: {
    'app.name': 'CEPTOAR Hub', 'app.skip': '本文へ移動', 'app.menu': 'メインメニュー', 'app.loading': '読み込み中…',
    'app.language': 'Language: English', 'app.languageSwitch': 'English に切り替え', 'app.signOut': 'サインアウト',
    'app.notFound': 'ページが見つかりません', 'app.notFoundText': 'このアドレスのページはありません。',
    'app.forbidden': 'このページを表示する権限がありません', 'app.home': 'ホーム',
    'app.error': 'エラーが発生しました', 'app.retry': '再読み込み', 'app.signedInAs': '{name}（{role}）',
    'app.menuToggle': 'メニュー', 'app.close': '閉じる',
    'session.expired': 'セッションの有効期限が切れました。入力中の内容はこのタブに保存されています。もう一度サインインすると続きから再開できます。',
    'session.signInAgain': 'もう一度サインイン',
    'common.save': '保存', 'common.cancel': 'キャンセル', 'common.edit': '編集', 'common.delete': '削除',
    'common.add': '追加', 'common.remove': '削除', 'common.back': '戻る', 'common.search': '検索', 'common.filter': '絞り込み',
    'common.all': 'すべて', 'common.yes': 'はい', 'common.no': 'いいえ', 'common.none': '—', 'common.more': 'さらに表示',
    'common.actions': '操作', 'common.saved': '保存しました', 'common.deleted': '削除しました', 'common.required': '必須',
    'common.history': '変更履歴', 'common.details': '詳細', 'common.download': 'ダウンロード', 'common.status': '状態',
    'common.name': '名称', 'common.updatedAt': '更新日時', 'common.confirmDelete': '本当に削除しますか？この操作は取り消せません。',
    'common.choose': '選択してください', 'common.loadMore': 'さらに読み込む', 'common.empty': 'まだ登録がありません。',
    'common.errorsTitle': '入力内容を確認してください（{count}件）', 'common.close': '閉じる', 'common.open': '開く',
    'common.draftRestored': '保存されていない入力内容を復元しました。', 'common.discardDraft': '入力内容を破棄',
    'common.notes': '備考', 'common.ownerName': '責任者名', 'common.ownerRole': '責任者の役職', 'common.description': '説明',
    'common.lines': '1行に1件', 'common.member': '事業者', 'common.id': 'ID',
  },
  en: {
    'app.name': 'CEPTOAR Hub', 'app.skip': 'Skip to content', 'app.menu': 'Main menu', 'app.loading': 'Loading…',
    'app.language': '言語: 日本語', 'app.languageSwitch': '日本語に切り替え', 'app.signOut': 'Sign out',
    'app.notFound': 'Page not found', 'app.notFoundText': 'There is no page at this address.',
    'app.forbidden': 'You may not see this page', 'app.home': 'Home',
    'app.error': 'Something went wrong', 'app.retry': 'Reload', 'app.signedInAs': '{name} ({role})',
    'app.menuToggle': 'Menu', 'app.close': 'Close',
    'session.expired': 'Your session has expired. What you were typing is kept in this tab; sign in again to carry on where you left off.',
    'session.signInAgain': 'Sign in again',
    'common.save': 'Save', 'common.cancel': 'Cancel', 'common.edit': 'Edit', 'common.delete': 'Delete',
    'common.add': 'Add', 'common.remove': 'Remove', 'common.back': 'Back', 'common.search': 'Search', 'common.filter': 'Filter',
    'common.all': 'All', 'common.yes': 'Yes', 'common.no': 'No', 'common.none': '—', 'common.more': 'Show more',
    'common.actions': 'Actions', 'common.saved': 'Saved', 'common.deleted': 'Deleted', 'common.required': 'required',
    'common.history': 'History', 'common.details': 'Details', 'common.download': 'Download', 'common.status': 'Status',
    'common.name': 'Name', 'common.updatedAt': 'Updated', 'common.confirmDelete': 'Delete this? This cannot be undone.',
    'common.choose': 'Choose…', 'common.loadMore': 'Load more', 'common.empty': 'Nothing recorded yet.',
    'common.errorsTitle': 'Please check what you entered ({count})', 'common.close': 'Close', 'common.open': 'Open',
    'common.draftRestored': 'Unsaved input was restored.', 'common.discardDraft': 'Discard input',
    'common.notes': 'Notes', 'common.ownerName': 'Owner', 'common.ownerRole': 'Owner\'s position', 'common.description': 'Description',
    'common.lines': 'one per line', 'common.member': 'Member', 'common.id': 'ID',
  },
});
