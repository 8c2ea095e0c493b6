package jp.ceptoarhub.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the shared {@link RecordLifecycle} needs to know of one kind of readiness record: its codes and names, its
 * table ({@link RecordStore}), and how validated data becomes a row and a history snapshot. A record type declares
 * one as a bean next to its entity, rules and views, and gets paging with delta sync, create, update, delete,
 * history and "confirm unchanged" from {@link RecordLifecycles#of}.
 *
 * @param <R> the persistence entity: a row of the type's table
 * @param <I> the request body of create and update (on update, null = unchanged)
 * @param <D> the validated, normalised editable fields
 */
public interface RecordDescriptor<R extends MemberRecord, I, D> {
    /** The record type: access, the operator-staff policy, "confirm unchanged" and the dashboard go by it. */
    RecordType type();

    /**
     * The code of these records in the shared history and in {@link RecordLinks}: the type's code, or a finer one
     * where a type holds two kinds of record ({@code business-systems} within critical-services).
     */
    default String code() {
        return type().code();
    }

    /**
     * The record's name in audit entries ({@code contact.created}), ETags ({@code W/"contact-12-v3"}) and problem
     * types ({@code contact-linked}).
     */
    String entityType();

    /** The record's name in sentences, capitalised and singular: {@code Contact} ("Contact 12 was not found"). */
    String noun();

    RecordStore<R> store();

    /**
     * The validated, normalised fields of a new record ({@code current} null) or of {@code current} with the input
     * laid over it; throws a 400 problem naming every bad field. Runs inside the writing transaction, so checks of
     * linked records may lock what they read.
     */
    D valid(Scope scope, I input, @Nullable D current);

    /** The stored record's editable fields. */
    D data(R record);

    /**
     * The editable fields as JSON values keyed as in the create body (a field without value is JSON null): the
     * unit of "what changed" in the history.
     */
    Map<String, JsonNode> fields(D data);

    /** Writes a new row (and whatever the type keeps beside it) and returns it with its id and version. */
    R insert(long tenantId, long memberId, D data, Instant now);

    /** Writes new field values over a row read for update; the version moves on. */
    R update(R current, D data, Instant now);

    /** Deletes as a tombstone: {@code deletedAt = updatedAt = now}. */
    R tombstone(R current, Instant now);

    /** What the audit entry of a create or delete says of the record (codes and names, nothing more personal). */
    String describe(R record);

    /** Other kinds of record that "confirm unchanged" confirms together with this one (services with systems). */
    default List<RecordDescriptor<?, ?, ?>> confirmedWith() {
        return List.of();
    }

    /** The audit action of "confirm unchanged". */
    default String confirmAction() {
        return entityType() + ".list-confirmed";
    }

    /** Where a write happens: the caller's tenant, the member in the path and, on update, the record's id. */
    record Scope(long tenantId, long memberId, @Nullable Long recordId) {
    }
}
