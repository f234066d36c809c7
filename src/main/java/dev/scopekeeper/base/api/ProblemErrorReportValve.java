package dev.scopekeeper.base.api;

import dev.scopekeeper.base.Messages;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report as a problem+json instead of its HTML page. Tomcat answers some requests itself
 * before any filter or servlet sees them (headers over the size limit, bad percent-encoding or an encoded
 * {@code /} in the path, a malformed request line); those answers come through here, as does any error
 * status the application set without a body. Never shows the exception or the server version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    /**
     * A method the API does not serve on {@code /api/**}: the 405 problem here, before Tomcat's own refusal of
     * TRACE reaches the {@code /error} page (which the browser security chain answers with a redirect to sign-in).
     */
    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String uri = request.getRequestURI();
        String method = request.getMethod();
        if (uri != null
                && uri.startsWith("/api/")
                && method != null
                && !ApiRequestHygieneFilter.METHODS.contains(method)
                && !response.isCommitted()) {
            response.setSuspended(false);
            response.setStatus(405);
            response.setHeader("Allow", ApiRequestHygieneFilter.ALLOW);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentType(Problems.CONTENT_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                Problems.write(writer, 405, Messages.get("api.error.methodNotAllowed", method));
            }
            response.finishResponse();
            return;
        }
        super.invoke(request, response);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        try {
            try {
                response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setContentType(Problems.CONTENT_TYPE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            } catch (Throwable t) {
                // the response may already be committed; write what we can
            }
            Writer writer = response.getReporter();
            if (writer != null) {
                Problems.write(writer, status, detail(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away: nothing to tell it
        }
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> Messages.get("api.error.badRequest");
            case 404 -> Messages.get("api.error.noSuchEndpoint");
            case 413 -> Messages.get("api.error.payloadTooLarge");
            case 414 -> Messages.get("api.error.uriTooLong");
            case 431 -> Messages.get("api.error.headerTooLarge");
            default -> status >= 500 ? Messages.get("api.error.internal") : Messages.get("api.error.badRequest");
        };
    }
}
