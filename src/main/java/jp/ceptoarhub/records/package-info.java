/**
 * Machinery shared by the readiness record types (contacts, suppliers, cloud services, critical services and
 * systems, continuity plans, self-assessment): delta-sync cursors, change history, "confirm unchanged", what an
 * edit changed, and links between record types. Features use it; it depends on no feature.
 */
package jp.ceptoarhub.records;
