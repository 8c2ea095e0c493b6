// TLP labels as decisions §1 requires: "TLP:AMBER+STRICT" in Latin script in the FIRST TLP 2.0 colours (coloured
// text on black), with the Japanese name beside it. Alerts and reports will show their labels with this.
import { h } from './dom.js';

const CLASS = { RED: 'tlp-red', AMBER_STRICT: 'tlp-amber', AMBER: 'tlp-amber', GREEN: 'tlp-green', CLEAR: 'tlp-clear' };

/** level: {code, nameEn: 'TLP:AMBER+STRICT', nameJa}. */
export function tlpLabel(level) {
  return h('span', { class: 'tlp-pair' },
    h('span', { class: `tlp ${CLASS[level.code] || ''}`, lang: 'en' }, level.nameEn),
    h('span', { class: 'tlp-ja', lang: 'ja' }, level.nameJa));
}
