package dev.scopekeeper.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket, for requests {@link java.net.http.HttpClient} refuses to send: bad
 * percent-encoding, raw control characters, {@code ;} and {@code %2F} in paths, huge headers.
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Status, headers (lower-case names, last value wins) and body of one answer. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** A problem+json answer with this status, a non-empty detail and no trace of Java internals. */
        public Answer assertProblem(int expectedStatus) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType()).as(body).startsWith("application/problem+json");
            assertThat(json().path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(json().path("detail").asString()).isNotBlank();
            return assertNoInternals();
        }

        public Answer assertNoInternals() {
            assertThat(body)
                    .doesNotContain(
                            "Exception",
                            "\tat ",
                            "dev.scopekeeper.",
                            "java.",
                            "org.apache",
                            "springframework",
                            "Tomcat",
                            "<html");
            return this;
        }
    }

    /** The POST of a form sign-in, and the session cookie ({@code JSESSIONID=...}) it leaves the browser with. */
    public record FormSignIn(Answer answer, String session) {}

    private static final Pattern CSRF_PARAMETER =
            Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code method target HTTP/1.1} with these extra header lines and body, exactly as given. */
    public Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(90_000);
            StringBuilder head = new StringBuilder(method)
                    .append(' ')
                    .append(target)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: localhost:")
                    .append(port)
                    .append("\r\nConnection: close\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException closedEarly) {
                    // the server may answer and close before reading a refused body
                }
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer get(String target, String token) {
        return send("GET", target, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), null);
    }

    /**
     * Signs in through the form as a browser does: opens {@code /login} (a session and its CSRF token, which the
     * page must carry), then posts the credentials with that token. The session is the one the answer renews, or
     * the page's when it sets none.
     */
    public FormSignIn signInThroughTheForm(String username, String password) {
        Answer page = get("/login", null);
        String session = page.headers().get("set-cookie").split(";")[0];
        Matcher parameter = CSRF_PARAMETER.matcher(page.body());
        Matcher token = CSRF_TOKEN.matcher(page.body());
        assertThat(parameter.find()).as(page.body()).isTrue();
        assertThat(token.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&" + parameter.group(1) + "="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        Answer signIn = send(
                "POST",
                "/login",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", session),
                form.getBytes(StandardCharsets.UTF_8));
        String renewed = signIn.headers().get("set-cookie");
        return new FormSignIn(signIn, renewed == null ? session : renewed.split(";")[0]);
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer: " + text).isPositive();
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String dechunk(String chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int pos = 0;
        while (pos < bytes.length) {
            int lineEnd = indexOf(bytes, pos);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(bytes, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            out.write(bytes, lineEnd + 2, Math.min(size, bytes.length - lineEnd - 2));
            pos = lineEnd + 2 + size + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
