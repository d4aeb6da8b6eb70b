package org.cityos.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns outcomes into RFC 9457 problem details: a stable {@code type} URI per slug, a localised
 * title and detail (zh-CN unless the caller prefers English), per-field errors and the request id.
 */
public final class ProblemWriter {
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final JsonMapper json;
    private final String baseUri;

    public ProblemWriter(MessageSource messages, JsonMapper json, String baseUri) {
        this.messages = messages;
        this.json = json;
        this.baseUri = baseUri;
    }

    /** zh-CN by default; English when the caller's Accept-Language puts it first. */
    public static Locale localeOf(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return CHINESE;
        }
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(safe(header))) {
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (tag.startsWith("en")) {
                return Locale.ENGLISH;
            }
            if (tag.startsWith("zh")) {
                return CHINESE;
            }
        }
        return CHINESE;
    }

    private static String safe(String header) {
        return header.matches("[A-Za-z0-9,;=.*\\- ]{1,200}") ? header : "zh-CN";
    }

    public ProblemDetail problem(DomainProblem problem, HttpServletRequest request) {
        Locale locale = localeOf(request);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldIssue issue : problem.fieldIssues()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", issue.field());
            error.put("message", text(issue.messageKey(), issue.args(), locale));
            errors.add(error);
        }
        return problem(
                problem.kind().status(),
                problem.type(),
                text(problem.messageKey(), problem.args(), locale),
                errors,
                request);
    }

    public ProblemDetail problem(
            int status, String type, String detail, List<Map<String, Object>> errors, HttpServletRequest request) {
        Locale locale = localeOf(request);
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setType(URI.create(baseUri + type));
        body.setTitle(text("title." + status, new Object[0], locale));
        body.setDetail(detail);
        body.setInstance(URI.create(safePath(request.getRequestURI())));
        body.setProperty("requestId", RequestIds.current());
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return body;
    }

    public String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, DomainProblem problem)
            throws IOException {
        write(response, problem(problem, request));
    }

    public void write(HttpServletResponse response, ProblemDetail body) throws IOException {
        response.setStatus(body.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(toMap(body)));
    }

    private static Map<String, Object> toMap(ProblemDetail body) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", String.valueOf(body.getType()));
        map.put("title", body.getTitle());
        map.put("status", body.getStatus());
        map.put("detail", body.getDetail());
        map.put("instance", String.valueOf(body.getInstance()));
        if (body.getProperties() != null) {
            map.putAll(body.getProperties());
        }
        return map;
    }

    private static String safePath(String uri) {
        try {
            return URI.create(uri).getPath();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
