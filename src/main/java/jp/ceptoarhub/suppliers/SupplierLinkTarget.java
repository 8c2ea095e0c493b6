package jp.ceptoarhub.suppliers;

import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordLinks;
import jp.ceptoarhub.records.RecordType;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Suppliers as the target of other record types' links (a critical system → the suppliers that support it): which
 * of the given ids are live suppliers of the member, scoped by tenant and member.
 */
@Singleton
class SupplierLinkTarget implements RecordLinks.Target {
    private final SupplierRepository suppliers;

    SupplierLinkTarget(SupplierRepository suppliers) {
        this.suppliers = suppliers;
    }

    @Override
    public String recordType() {
        return RecordType.SUPPLIERS.code();
    }

    @Override
    public Set<Long> liveIds(long tenantId, long memberId, Collection<Long> ids) {
        List<Long> wanted = ids.stream().filter(id -> id != null && id > 0).distinct().toList();
        if (wanted.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(suppliers.liveIds(tenantId, memberId, wanted));
    }
}
