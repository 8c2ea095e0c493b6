/**
 * The national tier's cross-sector summaries (issue 15): NISC takes a snapshot of every contributing CEPTOAR's
 * readiness data for a reference date (基準日) and publishes it as a release protected by cell suppression
 * ({@link jp.ceptoarhub.national.disclosure}), so that no one learns a member's answers from the published figures,
 * alone, combined, or differenced with an earlier release.
 * <p>
 * What crosses tenants, and how: the snapshot reads each CEPTOAR tenant through the explicit read models of the
 * features below ({@code selfassessment.AcceptedAnswers} for the frozen answers of accepted submissions,
 * {@code members.MemberService#allOfTenant} for the membership), one named tenant per call, on behalf of a national
 * user; it copies only what the summaries need, once, into the release. The member-level snapshot stays in the
 * national tenant's storage, under pseudonymous member keys, and no route serves it; NISC, the NISC system client
 * and platform admins read the published JSON/CSV, platform admins alone the reason codes.
 * <p>
 * Questions, options and the headline rate of each question come from the self-assessment catalogue (a question's
 * headline counts the options the catalogue's implementation rule counts as implemented); 無回答 stays in the
 * denominator as NISC counts it (FY2024 survey report, 内閣サイバーセキュリティセンター, 令和7年6月).
 */
package jp.ceptoarhub.national;
