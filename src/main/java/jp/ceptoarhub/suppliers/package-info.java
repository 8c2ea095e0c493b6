/**
 * The supply chain of a member operator (issue 4 item 2): its tier-1 suppliers and contractors.
 * <p>
 * Why: in the national cross-sector exercise, participants reported that the picture of their supply chain was
 * incomplete and that 「サプライチェーンの一覧が作成されていなかった」 (NISC, 2023年度 分野横断的演習 実施結果, March 2024,
 * 検証課題⑥ サプライチェーン全体への情報共有; text extraction L197); the action plan brings the supply chain into scope and
 * the exercise report asks operators to make supply-chain measures effective through their contracts
 * (委託先等との契約を通じた実効性の確保, L412). Action plan: 重要インフラのサイバーセキュリティに係る行動計画
 * (サイバーセキュリティ戦略本部, 2022年6月17日決定, 2024年3月8日改定).
 * <p>
 * Where the values come from: the supplier types are the action plan's glossary term サイバー空間関連事業者 plus the
 * generic 外部委託先, read as data from reference-data/service-maintenance-levels.json ({@link
 * jp.ceptoarhub.suppliers.SupplierTypes}); criticality, contract security clauses and re-subcontracting are
 * product-defined lists ({@link jp.ceptoarhub.suppliers.SupplierCodes}); countries are ISO 3166-1 alpha-2 as the JDK
 * knows them.
 * <p>
 * Plugs into the shared record machinery: history in record_change and "confirm unchanged" in record_confirmation
 * (record type {@code suppliers}), a RecordFreshness and a RecordExport bean, and a RecordLinks.Target so that
 * records of other types (critical systems) can link to suppliers; a supplier with live links cannot be deleted.
 */
package jp.ceptoarhub.suppliers;
