package jp.ceptoarhub.records;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * How one readiness record type links to another's records (a system to the suppliers that support it, ...)
 * without reaching into the other feature's package: the linked-to feature registers a {@link Target} bean, the
 * linking feature a {@link Source} bean. Both must scope every query by tenant and member.
 */
public final class RecordLinks {
    private RecordLinks() {
    }

    /** A record type other records may link to. */
    public interface Target {
        /**
         * The code linking features ask for: a {@link RecordType} code such as {@code suppliers}, or a
         * finer one where a type holds two kinds of record ({@code business-systems} within critical-services).
         */
        String recordType();

        /** Which of the given ids are live (not deleted) records of this type of the member. */
        Set<Long> liveIds(long tenantId, long memberId, Collection<Long> ids);
    }

    /** A record type whose records link to other record types' records. */
    public interface Source {
        /** The linking record type code, e.g. {@code critical-services}. */
        String recordType();

        /**
         * Descriptions ("system 12 基幹系システム") of this type's live records of the member that link to the given
         * record; the target refuses deletion (409) while any exist.
         */
        List<String> linksTo(String targetType, long tenantId, long memberId, long targetId);
    }
}
