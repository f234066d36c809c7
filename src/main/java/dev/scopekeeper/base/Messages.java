package dev.scopekeeper.base;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one bundle of user-facing text ({@code vaadin-i18n/translations.properties}), for code that
 * runs outside a Vaadin UI (REST problem details, audit text). Views use {@code getTranslation}.
 */
public final class Messages {

    private static final String BUNDLE = "vaadin-i18n.translations";

    private Messages() {}

    public static String get(String key, Object... args) {
        return get(Locale.ENGLISH, key, args);
    }

    public static String get(Locale locale, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
