package dev.scopekeeper.base.api;

import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.TooManyAttempts;
import dev.scopekeeper.base.db.DatabaseFaults;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every REST error as an RFC 9457 problem detail ({@code application/problem+json}) whose
 * {@code detail} a person can read; never a stack trace or exception text. Service refusals map by
 * type: {@link ServiceException.InvalidInput} 422 (with {@code field}), {@link ServiceException.Conflict}
 * 409, {@link ServiceException.NotFound} 404, {@link ServiceException.Forbidden} 403. The API's security
 * filter chain sends its 401/403 through here too. The {@code @ResponseStatus} annotations let the
 * OpenAPI document list these error responses for every operation. An unavailable database is 503 with
 * {@code Retry-After}, a transaction that still conflicts after {@code TransactionRetry}'s attempts 409
 * ({@link DatabaseFaults}).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final SecurityContextHolderStrategy securityContext;

    ApiExceptionHandler(ObjectProvider<SecurityContextHolderStrategy> securityContext) {
        this.securityContext = securityContext.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    @ExceptionHandler(ServiceException.InvalidInput.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ResponseEntity<ProblemDetail> invalidInput(ServiceException.InvalidInput e) {
        return serviceProblem(HttpStatus.UNPROCESSABLE_CONTENT, e, jsonField(e.field()));
    }

    @ExceptionHandler(ServiceException.Conflict.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ResponseEntity<ProblemDetail> conflict(ServiceException.Conflict e) {
        return serviceProblem(HttpStatus.CONFLICT, e, jsonField(e.field()));
    }

    @ExceptionHandler(ServiceException.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ResponseEntity<ProblemDetail> notFound(ServiceException.NotFound e) {
        return serviceProblem(HttpStatus.NOT_FOUND, e, null);
    }

    @ExceptionHandler(ServiceException.Forbidden.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ResponseEntity<ProblemDetail> forbidden(ServiceException.Forbidden e) {
        return serviceProblem(HttpStatus.FORBIDDEN, e, null);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, Messages.get("api.error.concurrentChange"));
    }

    /** 429: too many bad tokens or failed sign-ins; try again after {@code Retry-After} seconds. */
    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> throttled(TooManyAttempts e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    /** 401 with {@code WWW-Authenticate: Bearer} (RFC 6750); a presented but bad token says invalid_token. */
    @ExceptionHandler(AuthenticationException.class)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        if (DatabaseFaults.unavailable(e)) {
            // the credentials could not be checked (InternalAuthenticationServiceException): not a bad token
            return databaseUnavailable();
        }
        boolean missing = e instanceof InsufficientAuthenticationException
                || e instanceof AuthenticationCredentialsNotFoundException;
        String detail = missing ? Messages.get("api.auth.required") : e.getMessage();
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, missing ? "Bearer" : "Bearer error=\"invalid_token\"")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail));
    }

    /** From method security or the filter chain: 403, or 401 for an anonymous caller. */
    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        var authentication = securityContext.getContext().getAuthentication();
        if (authentication == null || TRUST.isAnonymous(authentication)) {
            return unauthenticated(new InsufficientAuthenticationException(e.getMessage()));
        }
        return problem(HttpStatus.FORBIDDEN, Messages.get("api.error.forbidden"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, Messages.get("api.error.invalidParameter", e.getName()));
        body.setProperty("field", e.getName());
        return ResponseEntity.badRequest().body(body);
    }

    /** The security firewall refused a parameter or header read lazily by a handler: 400, never a 500. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, Messages.get("api.error.badPath"));
    }

    /** Anything else: logged here with its stack trace, answered with a generic 500. */
    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof ErrorResponse) {
            return handleException(e, request);
        }
        if (causedBy(e, ApiRequestHygieneFilter.BodyTooLarge.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .header(HttpHeaders.CONNECTION, "close")
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONTENT_TOO_LARGE,
                            Messages.get(
                                    "api.error.bodyTooLarge", String.valueOf(ApiRequestHygieneFilter.MAX_BODY_BYTES))));
        }
        if (DatabaseFaults.unavailable(e)) {
            log.warn("Database unavailable: {} answered 503", request.getDescription(false));
            ResponseEntity<ProblemDetail> unavailable = databaseUnavailable();
            return ResponseEntity.status(unavailable.getStatusCode())
                    .headers(unavailable.getHeaders())
                    .body(unavailable.getBody());
        }
        if (DatabaseFaults.conflict(e)) {
            // still a conflict after TransactionRetry's attempts
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONFLICT, Messages.get("api.error.transactionConflict")));
        }
        log.error("Unexpected error in {}", request.getDescription(false), e);
        return ResponseEntity.internalServerError()
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.INTERNAL_SERVER_ERROR, Messages.get("api.error.internal")));
    }

    /** An unknown path under /api (Vaadin leaves /api/** to Spring MVC). */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                e,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, Messages.get("api.error.noSuchEndpoint")),
                headers,
                HttpStatus.NOT_FOUND,
                request);
    }

    /**
     * Broken JSON: 400; well-formed JSON that is not an object (every body here is one): 400 saying so; a value
     * of the wrong type, an unknown enum constant or a property given twice: 400 naming
     * the field; a body over the size limit: 413.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, ApiRequestHygieneFilter.BodyTooLarge.class)) {
            headers.set(HttpHeaders.CONNECTION, "close");
            return handleExceptionInternal(
                    e,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONTENT_TOO_LARGE,
                            Messages.get(
                                    "api.error.bodyTooLarge", String.valueOf(ApiRequestHygieneFilter.MAX_BODY_BYTES))),
                    headers,
                    HttpStatus.CONTENT_TOO_LARGE,
                    request);
        }
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Messages.get("api.error.malformedJson"));
        if (e.getCause() instanceof JacksonException jackson) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            Matcher duplicate = DUPLICATE_PROPERTY.matcher(String.valueOf(jackson.getOriginalMessage()));
            if (jackson instanceof StreamReadException && duplicate.find()) {
                String name = duplicate.group(1);
                body.setDetail(Messages.get("api.error.duplicateKey", name));
                body.setProperty("field", field.isEmpty() ? name : field + "." + name);
            } else if (!field.isEmpty()) {
                body.setDetail(Messages.get("api.error.invalidValue", field));
                body.setProperty("field", field);
            } else if (notAnObject(jackson)) {
                body.setDetail(Messages.get("api.error.jsonObjectExpected"));
            }
        } else if (e.getCause() instanceof JsonNullBodies.NullBody) {
            // a body of JSON null (an empty body stays "not valid JSON")
            body.setDetail(Messages.get("api.error.jsonObjectExpected"));
        }
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Well-formed JSON whose whole body is an array, a string, a number or a boolean where an object
     * is read (every request body here is one): the mismatch is at the root, on that value's first token.
     */
    private static boolean notAnObject(JacksonException e) {
        if (!(e instanceof MismatchedInputException mismatch)) {
            return false;
        }
        JsonToken token = mismatch.getCurrentToken();
        return token == JsonToken.START_ARRAY || (token != null && token.isScalarValue());
    }

    private static final Pattern DUPLICATE_PROPERTY = Pattern.compile("Duplicate Object property \"([^\"]{0,100})\"");

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bean validation of a request body: 422, with every field at fault (named as in the JSON). A query
     * parameter object ({@code ListParams}) with a value of the wrong type: 400 naming the parameter.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var bindingFailure = e.getBindingResult().getFieldErrors().stream()
                .filter(FieldError::isBindingFailure)
                .findFirst();
        if (bindingFailure.isPresent()) {
            String field = jsonField(bindingFailure.get().getField());
            ProblemDetail body = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, Messages.get("api.error.invalidParameter", field));
            body.setProperty("field", field);
            return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
        }
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of(
                        "field", jsonField(error.getField()), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String fields =
                errors.stream().map(error -> error.get("field")).distinct().collect(Collectors.joining(", "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, Messages.get("api.error.validation", fields));
        if (!errors.isEmpty()) {
            body.setProperty("field", errors.getFirst().get("field"));
        }
        body.setProperty("errors", errors);
        return handleExceptionInternal(e, body, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    /** Bean validation of path variables and parameters: 422, naming them. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of(
                                "field",
                                        String.valueOf(
                                                result.getMethodParameter().getParameterName()),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                Messages.get(
                        "api.error.validation",
                        errors.stream()
                                .map(error -> error.get("field"))
                                .distinct()
                                .collect(Collectors.joining(", "))));
        body.setProperty("errors", errors);
        return handleExceptionInternal(e, body, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    /**
     * The JSON name of a field a service or bean validation names: snake_case like every API property
     * ({@code userId} becomes {@code user_id}), and the few service fields whose API property is named
     * differently (Magistrala's {@code parent_id} and {@code groups}).
     */
    static String jsonField(String field) {
        if (field == null) {
            return null;
        }
        String renamed = FIELD_ALIASES.get(field);
        if (renamed != null) {
            return renamed;
        }
        return CAMEL_HUMP.matcher(field).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    private static final Map<String, String> FIELD_ALIASES = Map.of(
            "parentGroupId", "parent_id",
            "childGroupIds", "groups",
            "invitee", "user_id");
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private static ResponseEntity<ProblemDetail> serviceProblem(HttpStatus status, ServiceException e, String field) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, Messages.get(e.messageKey(), e.args()));
        if (field != null) {
            body.setProperty("field", field);
        }
        return ResponseEntity.status(status).body(body);
    }

    /** 503 with {@code Retry-After}: the database is unavailable; the request may be sent again as it is. */
    private static ResponseEntity<ProblemDetail> databaseUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseFaults.RETRY_AFTER_SECONDS))
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.SERVICE_UNAVAILABLE, Messages.get("api.error.databaseUnavailable")));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
