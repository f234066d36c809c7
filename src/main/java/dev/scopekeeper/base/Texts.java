package dev.scopekeeper.base;

/**
 * The one rule for text people type (names, descriptions, tags, search filters): no NUL or other C0/C1 control
 * characters (a description may hold line breaks and tabs), no bidirectional overrides or isolates
 * (U+202A–U+202E, U+2066–U+2069, which make a name read differently from what it is), no zero-width or
 * invisible format characters (U+200B–U+200F, U+2060–U+2064, U+FEFF, the soft hyphen U+00AD, which make two
 * names that look alike differ) and no unpaired surrogates. {@link Names} applies it to every name and description a service accepts, so the REST API and
 * the UI refuse the same input with the same message.
 */
public final class Texts {

    private Texts() {}

    /** True if {@code text} holds none of the characters above; {@code multiline} allows CR, LF and TAB. */
    public static boolean isClean(String text, boolean multiline) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c) || !allowed(c, multiline)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c, boolean multiline) {
        if (c < 0x20) {
            return multiline && (c == '\n' || c == '\r' || c == '\t');
        }
        if (c >= 0x7f && c <= 0x9f) {
            return false;
        }
        if (c == '\u00ad' || c == '\ufeff' || (c >= '\u200b' && c <= '\u200f') || (c >= '\u2060' && c <= '\u2064')) {
            return false;
        }
        return !(c >= '\u202a' && c <= '\u202e') && !(c >= '\u2066' && c <= '\u2069');
    }
}
