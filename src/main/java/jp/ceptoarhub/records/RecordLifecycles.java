package jp.ceptoarhub.records;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;

/**
 * The machinery every record type's lifecycle runs on: access and audit (through {@link RecordAccess} and
 * {@link RecordAudit}, so that {@code records} depends on no feature), the shared history and confirmation tables,
 * the {@link RecordLinks.Source} beans a deletion asks, transactions and the application clock.
 */
@Singleton
public class RecordLifecycles {
    final RecordAccess access;
    final RecordAudit audit;
    final RecordHistory history;
    final RecordConfirmations confirmations;
    final List<RecordLinks.Source> linkSources;
    final TransactionOperations<Connection> tx;
    final Clock clock;

    RecordLifecycles(RecordAccess access, RecordAudit audit, RecordHistory history, RecordConfirmations confirmations,
                     List<RecordLinks.Source> linkSources, TransactionOperations<Connection> tx, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.history = history;
        this.confirmations = confirmations;
        this.linkSources = linkSources;
        this.tx = tx;
        this.clock = clock;
    }

    /** The lifecycle of the record kind the descriptor describes. */
    public <R extends MemberRecord, I, D> RecordLifecycle<R, I, D> of(RecordDescriptor<R, I, D> descriptor) {
        return new RecordLifecycle<>(this, descriptor);
    }
}
