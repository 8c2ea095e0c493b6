/**
 * The continuity plans of a member operator (issue 4 item 5, issue 10 item 2): contingency plans, BCPs, IT-BCPs and
 * 事業復旧計画, each with a status of its own (drafted, being drafted or considered, not drafted), its cyber-scenario
 * coverage, review and exercise dates, and an IT-BCP's escalation to its BCP.
 * <p>
 * Where it comes from: the plan types and their definitions are those of 設問27 and 設問28 of 安全基準等の浸透状況に
 * 関する調査 (内閣サイバーセキュリティセンター 制度総括班, 「重要インフラにおける安全基準等の浸透状況に関する調査結果について
 * ［2024年度］」, 令和7年6月, 別冊); the statuses and the coverage scale are product-defined ({@link
 * jp.ceptoarhub.continuity.PlanCodes}). The survey's two questions are answers about the organisation, and 設問28
 * about two plans at once: they are derived from the plans and offered to the self-assessment as a prefill
 * ({@link jp.ceptoarhub.continuity.PlanPrefill}, a {@link jp.ceptoarhub.records.AnswerPrefill}), never stored as a
 * plan's status (they were until V30, which kept the old value beside the new status).
 * <p>
 * Plugs into the shared record lifecycle ({@link jp.ceptoarhub.continuity.PlanDescriptor}), the freshness dashboard
 * (complete = a contingency plan and a BCP drafted, no review overdue) and the export.
 */
package jp.ceptoarhub.continuity;
