package org.cityos.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityos.kernel.problem.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every failure of every controller leaves as {@code application/problem+json}; never a bare 500 page. */
@RestControllerAdvice
public class ProblemResponses {
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private final ProblemWriter writer;
    private final long maxBody;

    public ProblemResponses(ProblemWriter writer, HttpProperties properties) {
        this.writer = writer;
        this.maxBody = properties.maxBodySize().toBytes();
    }

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<ProblemDetail> domain(DomainProblem e, HttpServletRequest request) {
        return respond(writer.problem(e, request));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof PayloadTooLarge tooLarge) {
                return domain(tooLarge, request);
            }
            cause = cause.getCause();
        }
        return simple(400, "malformed-body", "problem.malformed-body", request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        Locale locale = ProblemWriter.localeOf(request);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", error.getField());
            item.put("message", writer.text("validation." + error.getCode(), error.getArguments(), locale));
            errors.add(item);
        }
        String detail = writer.text("problem.invalid-input", new Object[0], locale);
        return respond(writer.problem(400, "invalid-input", detail, errors, request));
    }

    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestPartException.class,
        MultipartException.class
    })
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException) {
            return simple(413, "payload-too-large", "problem.payload-too-large", request, maxBody);
        }
        String name = e instanceof MissingServletRequestParameterException m
                ? m.getParameterName()
                : e instanceof MethodArgumentTypeMismatchException t
                        ? t.getName()
                        : e instanceof MissingServletRequestPartException p ? p.getRequestPartName() : "body";
        return simple(400, "invalid-parameter", "problem.invalid-parameter", request, name);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return simple(
                415,
                "unsupported-media-type",
                "problem.unsupported-media-type",
                request,
                String.valueOf(e.getContentType()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpServletRequest request) {
        return simple(406, "not-acceptable", "problem.not-acceptable", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return simple(405, "method-not-allowed", "problem.method-not-allowed", request, e.getMethod());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(HttpServletRequest request) {
        return simple(404, "not-found", "problem.no-such-path", request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
        return simple(403, "access-denied", "problem.access-denied", request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        log.info("duplicate key: {}", e.getMostSpecificCause().getMessage());
        return simple(409, "duplicate", "problem.duplicate", request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> optimistic(HttpServletRequest request) {
        return simple(409, "concurrent-change", "problem.concurrent-change-generic", request);
    }

    /**
     * The client went away (a browser closing an event stream, a cancelled download): nothing can be answered and
     * nothing failed on our side, so it is not logged as an error.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e, HttpServletRequest request) {
        log.debug("client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (clientAborted(e)) {
            log.debug("client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return simple(500, "internal-error", "problem.internal-error", request, RequestIds.current());
    }

    private static boolean clientAborted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("ClientAbortException")) {
                return true; // Tomcat's, named rather than imported: the adapter does not depend on Tomcat
            }
        }
        return false;
    }

    private ResponseEntity<ProblemDetail> simple(
            int status, String type, String key, HttpServletRequest request, Object... args) {
        String detail = writer.text(key, args, ProblemWriter.localeOf(request));
        return respond(writer.problem(status, type, detail, List.of(), request));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        return ResponseEntity.status(HttpStatus.valueOf(body.getStatus()))
                .contentType(ProblemWriter.PROBLEM_JSON)
                .body(body);
    }
}
