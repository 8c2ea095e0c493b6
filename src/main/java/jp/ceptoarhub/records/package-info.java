/**
 * What every readiness record type (contacts, suppliers, cloud services, critical services and systems, continuity
 * plans, self-assessment) shares: one record lifecycle ({@link jp.ceptoarhub.records.RecordLifecycles}: delta sync,
 * create, update, delete, history, "confirm unchanged") run from a short {@link
 * jp.ceptoarhub.records.RecordDescriptor} per type, the shared history and confirmation tables, the record types
 * themselves ({@link jp.ceptoarhub.records.RecordType}), the SPIs the freshness dashboard and the export consume,
 * and links between record types. It depends on nothing but {@code api} and {@code caller}: access and audit come
 * in through {@link jp.ceptoarhub.records.RecordAccess} and {@link jp.ceptoarhub.records.RecordAudit}.
 */
package jp.ceptoarhub.records;
