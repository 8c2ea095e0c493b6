/**
 * Disclosure control of the national summaries (issue 15 item 3): cell suppression for frequency tables as national
 * statistics offices do it, so that NISC, a ministry, a secretariat or a member cannot learn one member's answers or
 * dependencies from what a release publishes, not even by combining published figures or two releases.
 * <p>
 * Method, after the τ-ARGUS 4.1 user's manual (Statistics Netherlands) and the Handbook on Statistical Disclosure
 * Control (Hundepool et al., online edition, ch. 4–5): one cover table per question with every published number a
 * 0/1 sum of base cells ({@link jp.ceptoarhub.national.disclosure.CoverTable}); table redesign first (small sectors
 * pooled into その他の分野, {@link jp.ceptoarhub.national.disclosure.RowPlan}); primary rules THRESHOLD, GROUP,
 * INSIDER and TEMPORAL on every cell, published or derivable ({@link jp.ceptoarhub.national.disclosure.PrimaryRules});
 * a greedy secondary search that stops only when an LP interval attack leaves every primary its useful interval as
 * NISC, as every secretariat and as every member ({@link jp.ceptoarhub.national.disclosure.SecondarySuppression},
 * {@link jp.ceptoarhub.national.disclosure.Audit}, commons-math3's simplex); escalation to pooling or withholding
 * when it cannot (fail closed); naming rules for concentration tables
 * ({@link jp.ceptoarhub.national.disclosure.ConcentrationRule}).
 * <p>
 * A {@link jp.ceptoarhub.national.disclosure.Release} is deterministic and written once: JSON and CSV show a
 * suppressed number only as suppressed; parameters and reason codes are in the audit rendering. The engine depends on
 * no feature: it takes a {@link jp.ceptoarhub.national.disclosure.ReleaseRequest} (member-level data of one snapshot)
 * and never lets member-level data out.
 */
package jp.ceptoarhub.national.disclosure;
