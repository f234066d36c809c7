package dev.scopekeeper.base.api;

import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A request body of JSON {@code null} is refused like any other JSON that is not an object (every request body
 * here is one): 400 "The request body must be a JSON object" ({@link ApiExceptionHandler}), on every endpoint,
 * whatever its spacing and whether it came with a {@code Content-Length} or chunked. Jackson reads {@code null}
 * as no value, which Spring would otherwise pass on as a missing body or, where the body is optional
 * ({@code PATCH /api/v1/admin/tokens/{id}/revoke}), as none at all: an optional body may be left out, not sent as
 * {@code null}. An empty body is not read at all and stays "not valid JSON" where one is required.
 */
@RestControllerAdvice
class JsonNullBodies extends RequestBodyAdviceAdapter {

    /** The cause of the refusal, which {@link ApiExceptionHandler} answers. */
    static final class NullBody extends RuntimeException {
        NullBody() {
            super("the request body is JSON null", null, false, false);
        }
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body == null) {
            throw new HttpMessageNotReadableException("The request body is JSON null", new NullBody(), inputMessage);
        }
        return body;
    }
}
