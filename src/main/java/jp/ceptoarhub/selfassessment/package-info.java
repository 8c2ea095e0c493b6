/**
 * The readiness self-assessment of a member operator (issue 4 item 6, issue 10 item 1): NISC's questionnaire as a
 * versioned catalogue, the member's current answers, campaigns with frozen snapshots, and the secretariat's review.
 * <p>
 * Where it comes from: the questionnaire of 安全基準等の浸透状況に関する調査 as published by 内閣サイバーセキュリティ
 * センター in 「重要インフラにおける安全基準等の浸透状況に関する調査結果について［2024年度］」 (制度総括班, 令和7年6月;
 * the 別冊 holds the questions) and 「…調査について［2023年度］」 (重要インフラグループ, 資料3 of 重要インフラ専門調査会
 * 第37回, 令和6年6月7日), with the sections of 重要インフラのサイバーセキュリティに係る安全基準等策定指針
 * (サイバーセキュリティ戦略本部, 2023年7月4日). Both reports lost their charts in publication as text, so most option
 * lists are only partly known ({@code optionsStatus}); options are never invented ({@link
 * jp.ceptoarhub.selfassessment.AssessmentCatalogue}).
 * <p>
 * Answers a member can give truthfully: where the printed list is incomplete, a question also offers the
 * product-defined 「該当なし」 (none), an answer not in the known list in the member's own words (unlisted) and, where
 * the question is conditional, a not-applicable answer, each marked {@code origin: PRODUCT}. Whether an answer counts
 * as implemented is each question's {@link jp.ceptoarhub.selfassessment.ImplementationRule}, data in the catalogue
 * that follows the source's own rule and is evaluated on the answer alone (national summaries use the same rule on
 * frozen snapshots). Free text counts only where that rule says so or the secretariat has coded it ({@link
 * jp.ceptoarhub.selfassessment.TextCoding}, {@link jp.ceptoarhub.selfassessment.AnswerCodings}); an accepted
 * submission has no answer pending coding.
 * <p>
 * Answers other record types derive (設問27 and 設問28 from the continuity plans, through the {@link
 * jp.ceptoarhub.records.AnswerPrefill} SPI) are offered as prefills the member confirms by saving them; an answer the
 * member typed wins ({@link jp.ceptoarhub.selfassessment.AnswerPrefills}).
 * <p>
 * Plugs into the shared record machinery: history in record_change (record types {@code self-assessment} and
 * {@code self-assessment-submission}), "confirm unchanged" in record_confirmation, a RecordFreshness and a
 * RecordExport bean.
 */
package jp.ceptoarhub.selfassessment;
