package dev.scopekeeper.base.api;

import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.Texts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at every {@code /api/**} request, before authentication: a query string that does not parse
 * (bad percent-encoding, an empty parameter name such as {@code ?=x}) or carries control characters is a 400
 * problem; a body over {@value #MAX_BODY_BYTES} bytes is a 413 problem, refused from its {@code Content-Length}
 * or, without one, as soon as that many bytes have been read (nothing more is read). A method the API does not
 * serve ({@code TRACE}, {@code CONNECT}, WebDAV's …) is a 405 problem with {@code Allow}, not a redirect to the
 * sign-in page; two {@code Authorization} headers are a 400 problem (RFC 6750 §3.1 {@code invalid_request}),
 * never "the first one wins".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiRequestHygieneFilter extends OncePerRequestFilter {

    /** The largest request body the API reads: 1 MiB. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !apiPath(request).startsWith("/api/");
    }

    private static String apiPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The methods the API serves (OPTIONS for CORS preflights, HEAD with every GET). */
    /** (TRACE never gets here: Tomcat refuses it first; {@link ProblemErrorReportValve} answers it.) */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, ALLOW);
            Problems.write(response, 405, Messages.get("api.error.methodNotAllowed", request.getMethod()), null);
            return;
        }
        Enumeration<String> authorization = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.hasMoreElements()) {
            authorization.nextElement();
            if (authorization.hasMoreElements()) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_request\"");
                Problems.write(response, 400, Messages.get("api.error.duplicateAuthorization"), null);
                return;
            }
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException unparseable) {
            // Tomcat refuses the query string (InvalidParameterException); it is never read again
            Problems.write(response, 400, Messages.get("api.error.badQuery"), null);
            return;
        }
        for (var parameter : parameters.entrySet()) {
            if (parameter.getKey().isEmpty() || !Texts.isClean(parameter.getKey(), false)) {
                Problems.write(response, 400, Messages.get("api.error.badQuery"), null);
                return;
            }
            for (String value : parameter.getValue()) {
                if (!Texts.isClean(value, false) || value.indexOf('\uFFFD') >= 0) {
                    Problems.write(
                            response,
                            400,
                            Messages.get("api.error.badQueryParameter", parameter.getKey()),
                            parameter.getKey());
                    return;
                }
            }
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            response.setHeader("Connection", "close");
            Problems.write(response, 413, Messages.get("api.error.bodyTooLarge", String.valueOf(MAX_BODY_BYTES)), null);
            return;
        }
        chain.doFilter(new BoundedBodyRequest(request), response);
    }

    /** Thrown by the body stream once more than {@value #MAX_BODY_BYTES} bytes were read; answered with 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body over " + MAX_BODY_BYTES + " bytes");
        }
    }

    private static final class BoundedBodyRequest extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        BoundedBodyRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private long count;

        BoundedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > MAX_BODY_BYTES) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
