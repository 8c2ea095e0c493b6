package jp.ceptoarhub.api;

import io.micronaut.http.HttpRequest;

import java.util.Locale;

/**
 * Accept-Language handling for the labels of enumerations and reference data: Japanese unless the client prefers
 * English. Only ja and en are supported; anything else falls back to ja, the source language of every label.
 */
public enum Labels {
    JA, EN;

    public static Labels of(HttpRequest<?> request) {
        String header = request.getHeaders().get("Accept-Language");
        if (header == null || header.isBlank()) {
            return JA;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() <= 0) {
                    continue;
                }
                if (tag.startsWith("ja")) {
                    return JA;
                }
                if (tag.startsWith("en")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException ignored) {
            // malformed header: default language
        }
        return JA;
    }

    public String pick(String ja, String en) {
        return this == EN && en != null && !en.isBlank() ? en : ja;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
