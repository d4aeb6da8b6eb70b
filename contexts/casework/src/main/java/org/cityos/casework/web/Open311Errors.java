package org.cityos.casework.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityos.http.PayloadTooLarge;
import org.cityos.http.ProblemWriter;
import org.cityos.kernel.problem.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Failures of the Open311 endpoints in GeoReport v2's own error format ({@code [{"code":400,"description":…}]},
 * {@code <errors><error><code>…}) with the matching HTTP status; every other controller keeps problem+json.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Open311Errors {
    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    private final Open311Texts texts;

    public Open311Errors(ObjectProvider<MessageSource> messages) {
        this.texts = new Open311Texts(messages.getIfAvailable());
    }

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<byte[]> domain(DomainProblem e, HttpServletRequest request) {
        Locale locale = ProblemWriter.localeOf(request);
        String description = texts.text(locale, e.messageKey(), e.args());
        if (!e.fieldIssues().isEmpty()) {
            description += " "
                    + e.fieldIssues().stream()
                            .map(i -> i.field() + ": " + texts.text(locale, i.messageKey(), i.args()))
                            .collect(Collectors.joining("; "));
        }
        return error(request, HttpStatus.valueOf(e.kind().status()), description);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<byte[]> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof PayloadTooLarge tooLarge) {
                return domain(tooLarge, request);
            }
        }
        return error(request, HttpStatus.BAD_REQUEST, texts.text(request, "problem.malformed-body"));
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<byte[]> tooLarge(PayloadTooLarge e, HttpServletRequest request) {
        return domain(e, request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<byte[]> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return error(
                request,
                HttpStatus.BAD_REQUEST,
                texts.text(request, "problem.invalid-parameter", e.getParameterName()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<byte[]> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return error(
                request,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                texts.text(request, "problem.unsupported-media-type", String.valueOf(e.getContentType())));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<byte[]> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return error(
                request,
                HttpStatus.METHOD_NOT_ALLOWED,
                texts.text(request, "problem.method-not-allowed", e.getMethod()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return error(request, HttpStatus.INTERNAL_SERVER_ERROR, texts.text(request, "open311.internal-error"));
    }

    private static ResponseEntity<byte[]> error(HttpServletRequest request, HttpStatus status, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("description", description);
        return new Open311Document("errors", List.of(error)).respond(Open311Format.of(request), status);
    }
}
