package jp.ceptoarhub.api;

import io.micronaut.core.annotation.Nullable;

import java.text.Normalizer;

/** Japanese input as people type it on phones: full-width digits, half-width katakana, ideographic spaces. */
public final class JapaneseText {
    private JapaneseText() {
    }

    /** NFKC-normalised and stripped (half-width katakana → full-width, full-width digits → ASCII); blank → null. */
    public static @Nullable String normalize(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
        return n.isEmpty() ? null : n;
    }

    /** Hiragana (ぁ–ゖ) as katakana, so that a reading typed in either is stored and searched one way. */
    public static String hiraganaToKatakana(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c);
        }
        return sb.toString();
    }

    /** Full-width katakana (ァ–ヺ, ヽヾ), the prolonged sound mark ー, the middle dot ・ and spaces. */
    public static boolean katakana(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '\u30A1' && c <= '\u30FA') || c == '\u30FC' || c == '\u30FB' || c == '\u30FD'
                    || c == '\u30FE' || c == ' ' || c == '\u3000';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
