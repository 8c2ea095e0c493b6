/**
 * Alerts (情報提供) under TLP 2.0 (issue 12): the reason a CEPTOAR exists — warnings reach every member, and only the
 * people the label allows ever see them.
 * <p>
 * The form is the handbook's 情報提供様式 (『「重要インフラのサイバーセキュリティに係る行動計画」に基づく情報共有の
 * 手引書』 (NISC), 3 情報提供, 図７/図８; extraction L36593–36785): 重要度, 第n報, 識別番号, 情報提供日時, 情報提供先,
 * 情報共有範囲 with 特記事項, 別紙有無, ①概要 ②対象 ③対処方針 ④その他, 本件問合せ先. The flow is 図６: NISC issues T1,
 * T1-2 …, the ministries pass on to the CEPTOAR secretariats 「情報共有範囲に従い」, the secretariats to their members.
 * Product decisions: decisions.md §1 (the TLP table), §2 (organisations, acknowledgement per organisation), §3 (the
 * national tier), §4 (numbering), §5 (time), §6 (audit); the design note "Alerts (情報提供)" §0–§2 and §7.
 * <p>
 * How the data crosses tenants — the one place it does: the alert and the sender's audience rules stay in the origin
 * tenant; at send time (and at a pass-on) {@link jp.ceptoarhub.alerts.FanOut} writes a grant row per addressed
 * organisation and named user <em>in the recipient's tenant</em>; every read — inbox, list, search, thread, detail,
 * counts, delta sync, attachments, exports, STIX, the Atom feed — goes through the one SQL predicate
 * {@link jp.ceptoarhub.alerts.AlertVisibility}, which looks up grants in the reader's tenant only. No tenant filter
 * is loosened; an architecture test keeps every other package off the alert tables.
 * <p>
 * Where the sources are silent or disagree (RED is defined three ways; see the design note §7) the product takes the
 * strictest reading: RED is read by the users the originator names, and nobody passes it on.
 */
package jp.ceptoarhub.alerts;
