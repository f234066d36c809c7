package dev.scopekeeper.base.api;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids and numbers in paths and query strings are plain decimal digits (an optional minus sign): Spring's own
 * number editor reads {@code 0x10} as 16, {@code 010} as octal 8 and trims {@code " 10"}, so
 * {@code /domains/0x10} would answer for domain 16. These editors come first for every handler; anything else is
 * a 400 naming the parameter. An empty query value of a wrapper type is absent.
 */
@ControllerAdvice
class PlainDecimalNumbers {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

    @InitBinder
    void plainDecimals(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new Editor(false, false));
        binder.registerCustomEditor(Long.class, new Editor(false, true));
        binder.registerCustomEditor(int.class, new Editor(true, false));
        binder.registerCustomEditor(Integer.class, new Editor(true, true));
    }

    static long parse(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a plain decimal number");
        }
        return Long.parseLong(text);
    }

    private static final class Editor extends PropertyEditorSupport {

        private final boolean integer;
        private final boolean emptyIsNull;

        Editor(boolean integer, boolean emptyIsNull) {
            this.integer = integer;
            this.emptyIsNull = emptyIsNull;
        }

        @Override
        public void setAsText(String text) {
            if (emptyIsNull && (text == null || text.isEmpty())) {
                setValue(null);
                return;
            }
            long value = parse(text);
            if (integer) {
                if (value != (int) value) {
                    throw new IllegalArgumentException("out of range");
                }
                setValue((int) value);
            } else {
                setValue(value);
            }
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
