package dev.scopekeeper.base;

/**
 * A refusal a user can read: carries a translation key (and arguments) instead of prose, so the UI
 * and the REST API show the same text. The HTTP status mapping lives in the API error handler.
 */
public abstract class ServiceException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    protected ServiceException(String messageKey, Object... args) {
        super(Messages.get(messageKey, args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Bad input; {@code field} names the form field (or JSON property) at fault, if any. */
    public static class InvalidInput extends ServiceException {
        private final String field;

        public InvalidInput(String field, String messageKey, Object... args) {
            super(messageKey, args);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Clashes with existing data (a duplicate name, a concurrent change). */
    public static class Conflict extends InvalidInput {
        public Conflict(String field, String messageKey, Object... args) {
            super(field, messageKey, args);
        }
    }

    /** Does not exist, or the caller may not know it exists. */
    public static class NotFound extends ServiceException {
        public NotFound(String messageKey, Object... args) {
            super(messageKey, args);
        }
    }

    /** The caller is known and sees the thing, but may not do this to it. */
    public static class Forbidden extends ServiceException {
        public Forbidden(String messageKey, Object... args) {
            super(messageKey, args);
        }
    }
}
