package jp.ceptoarhub.members;

import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Members with every profile field, and member numbers with valid check digits. */
abstract class MembersTestSupport extends MemberRecordsTestSupport {

    protected static String localGovernmentCode() {
        String first5 = String.format("%05d", ThreadLocalRandom.current().nextInt(1000, 48000));
        return first5 + OrganisationCodes.localGovernmentCheckDigit(first5);
    }

    protected static Map<String, Object> memberBody(String corporateNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameJa", "東都電力株式会社");
        body.put("nameKana", "トウトデンリョクカブシキガイシャ");
        body.put("nameEn", "Toto Electric Power Co., Inc.");
        body.put("corporateNumber", corporateNumber);
        body.put("sectorCode", "ELECTRICITY");
        body.put("employeeBand", "1000-to-under-5000");
        body.put("capitalBand", "300m-or-more");
        body.put("membershipKind", "MEMBER");
        body.put("address", "東京都千代田区霞が関1-1-1");
        body.put("notes", "事務局メモ");
        return body;
    }

    @Override
    protected long createMember(String token) {
        return createMember(token, memberBody(corporateNumber()));
    }

    protected long countMembers(Tenant tenant) {
        return count("SELECT COUNT(*) FROM member_operator WHERE tenant_id = ?", tenant.id());
    }
}
