package jp.ceptoarhub.members;

/**
 * Check digits of the two public organisation identifiers a member can carry.
 * <ul>
 * <li>法人番号 (corporate number, 国税庁): 13 digits, the FIRST is the check digit over the 12-digit base number:
 * {@code 9 − (Σ Pn×Qn mod 9)}, where Pn is the n-th base digit counted from the lowest-order (rightmost) one and
 * Qn is 1 for odd n and 2 for even n. So the check digit is always 1–9. Example: 7000012050002 (国税庁).</li>
 * <li>全国地方公共団体コード (JIS X 0402 with 検査数字): 6 digits, the LAST is the check digit over the first five
 * with weights 6,5,4,3,2: the last digit of {@code 11 − (Σ mod 11)} (remainder 0 gives 1, remainder 1 gives 0).
 * Example: 131016 (千代田区).</li>
 * </ul>
 */
public final class OrganisationCodes {
    private OrganisationCodes() {
    }

    public static boolean validCorporateNumber(String s) {
        if (s == null || s.length() != 13 || !allDigits(s)) {
            return false;
        }
        return s.charAt(0) - '0' == corporateCheckDigit(s.substring(1));
    }

    /** Check digit for a 12-digit base number. */
    public static int corporateCheckDigit(String base12) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = base12.charAt(12 - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - (sum % 9);
    }

    public static boolean validLocalGovernmentCode(String s) {
        if (s == null || s.length() != 6 || !allDigits(s)) {
            return false;
        }
        return s.charAt(5) - '0' == localGovernmentCheckDigit(s.substring(0, 5));
    }

    public static int localGovernmentCheckDigit(String first5) {
        int[] weights = {6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (first5.charAt(i) - '0') * weights[i];
        }
        return (11 - sum % 11) % 10;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
