package jp.ceptoarhub.api;

import java.util.List;
import java.util.Map;

/**
 * A feature's coded enumerations, published together by {@code GET /api/v1/reference/code-lists} so that forms (the
 * web console, the phone app) offer exactly the codes the API accepts, labelled in the caller's language. Each
 * feature that owns enumerations declares one bean; the API then never needs a client-side copy of a label.
 * <p>
 * A list's name is the OpenAPI schema name of the enumeration (a test checks that the codes equal the spec's enum).
 * Where the allowed codes depend on another field, the name carries that field's value after a dot
 * ({@code Name.VALUE}): the same code may have another label there. No list does at present.
 */
public interface CodeLists {
    Map<String, List<? extends Labelled>> codeLists();

    /** An entry for enumerations that are not themselves {@link Labelled}. */
    static Labelled entry(String code, String labelJa, String labelEn) {
        return new Entry(code, labelJa, labelEn);
    }

    record Entry(String code, String labelJa, String labelEn) implements Labelled {
        @Override
        public String name() {
            return code;
        }
    }
}
