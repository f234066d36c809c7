package dev.scopekeeper.base.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * Writes an RFC 9457 problem straight to a response, for the places that answer before Spring MVC does (the
 * servlet container's error reports, the security firewall, the request hygiene filter). Same shape as the
 * problems of {@link ApiExceptionHandler}: {@code type}, {@code title}, {@code status}, {@code detail}.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {}

    /** The JSON text of a problem; the detail is ours, never the request's own text. */
    static String json(int status, String detail, String field) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":")
                .append(quote(title))
                .append(",\"status\":")
                .append(status)
                .append(",\"detail\":")
                .append(quote(detail));
        if (field != null) {
            json.append(",\"field\":").append(quote(field));
        }
        return json.append('}').toString();
    }

    public static void write(jakarta.servlet.http.HttpServletResponse response, int status, String detail, String field)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = json(status, detail, field).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static void write(Writer writer, int status, String detail) throws IOException {
        writer.write(json(status, detail, null));
    }

    /** A JSON string literal; anything outside printable ASCII is escaped, so nothing raw reaches a client. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
