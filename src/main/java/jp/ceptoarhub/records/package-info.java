/**
 * Machinery shared by the readiness record types (contacts, continuity plans, and the ones to come): delta-sync
 * cursors and "confirm unchanged". Features use it; it depends on no feature.
 */
package jp.ceptoarhub.records;
