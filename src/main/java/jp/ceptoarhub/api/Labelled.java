package jp.ceptoarhub.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A code with a Japanese and an English label, as every enumeration of the API has: the code is what clients send
 * and store, the label follows Accept-Language. Enums get {@link #code()} from their constant name unless they
 * declare their own (e.g. the survey's option ids).
 */
public interface Labelled {
    String name();

    default String code() {
        return name();
    }

    String labelJa();

    String labelEn();

    default String label(Labels lang) {
        return lang.pick(labelJa(), labelEn());
    }

    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }

    /** The codes of an enumeration, comma-separated, for problem details ("must be one of ..."). */
    static <E extends Enum<E> & Labelled> String codes(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Labelled::code).toList());
    }

    static <E extends Enum<E> & Labelled> List<E> all(Class<E> type) {
        return Arrays.asList(type.getEnumConstants());
    }
}
