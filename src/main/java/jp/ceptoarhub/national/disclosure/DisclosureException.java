package jp.ceptoarhub.national.disclosure;

/** A release cannot be made safely (or not as asked): nothing is published. */
public class DisclosureException extends RuntimeException {
    public DisclosureException(String message) {
        super(message);
    }
}
