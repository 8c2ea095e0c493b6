// National reference data every tenant shares: the CEPTOAR directory of September 2024, the sectors, and the TLP 2.0
// labels with their meaning in the information-sharing handbook. The national tier's home until its own pages land.
import { h } from '../dom.js';
import { t, messages } from '../i18n.js';
import { page } from '../router.js';
import { heading, table } from '../ui.js';
import { reference } from '../codes.js';
import { tlpLabel } from '../tlp.js';

messages({
  ja: { 'ref.title': '参照情報', 'ref.ceptoars': 'セプター一覧（2024年9月）', 'ref.tlp': 'TLP（情報の取扱い区分）', 'ref.sectors': '重要インフラ分野',
    'ref.secretariat': '事務局', 'ref.scope': '対象', 'ref.audience': '共有できる範囲', 'ref.label': 'ラベル', 'ref.subSectors': '小分類' },
  en: { 'ref.title': 'Reference', 'ref.ceptoars': 'CEPTOARs (September 2024)', 'ref.tlp': 'TLP labels', 'ref.sectors': 'Critical infrastructure sectors',
    'ref.secretariat': 'Secretariat', 'ref.scope': 'Scope', 'ref.audience': 'Who may receive it', 'ref.label': 'Label', 'ref.subSectors': 'Sub-sectors' },
});

page('/reference', {
  title: 'ref.title', nav: { order: 95 },
  async render() {
    const [tlp, ceptoars, sectors] = await Promise.all([reference('/api/v1/reference/tlp-levels'),
      reference('/api/v1/reference/ceptoars'), reference('/api/v1/reference/sectors')]);
    return [heading(t('ref.title')),
      h('section', { 'aria-labelledby': 'tlp-h' }, h('h2', { id: 'tlp-h' }, t('ref.tlp')),
        table([{ label: t('ref.label'), cell: (l) => tlpLabel(l) }, { label: t('ref.audience'), cell: (l) => l.audience }], tlp,
          { caption: t('ref.tlp') })),
      h('section', { 'aria-labelledby': 'sectors-h' }, h('h2', { id: 'sectors-h' }, t('ref.sectors')),
        table([{ label: t('common.name'), cell: (s) => s.label }, { label: t('ref.subSectors'), cell: (s) => s.subSectors.map((x) => x.label).join('、') }],
          sectors, { caption: t('ref.sectors') })),
      h('section', { 'aria-labelledby': 'ceptoars-h' }, h('h2', { id: 'ceptoars-h' }, t('ref.ceptoars')),
        table([{ label: t('common.name'), cell: (c) => c.label }, { label: t('ref.secretariat'), cell: (c) => c.secretariatJa },
          { label: t('ref.scope'), cell: (c) => c.businessScopeJa }], ceptoars, { caption: t('ref.ceptoars') }))];
  },
});
