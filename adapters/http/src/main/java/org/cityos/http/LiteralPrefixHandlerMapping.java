package org.cityos.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Spring MVC's mapping of annotated controllers with a cheap first test. For a path that is not a literal mapping
 * (every {@code /api/casework/cases/{id}/sign}), Spring evaluates every mapping's conditions in turn — method, media
 * types, then the pattern — and CityOS has several hundred; that search was about 15% of a case transition's CPU.
 * A mapping can only match a path that begins with the literal part of one of its patterns (everything before the
 * first variable or wildcard), so mappings whose literal beginnings the path lacks are skipped before their
 * conditions run. What matches, and how the best match is chosen, is left to Spring.
 */
public final class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {
    private static final String[] ANY = new String[0];

    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            String path = ServletRequestPathUtils.getParsedRequestPath(request)
                    .pathWithinApplication()
                    .value();
            if (!couldMatch(info, path)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    /** False only when no pattern of {@code info} can match {@code path}; true says nothing more. */
    public boolean couldMatch(RequestMappingInfo info, String path) {
        String[] literal = prefixes.computeIfAbsent(info, LiteralPrefixHandlerMapping::literalPrefixes);
        if (literal == ANY) {
            return true;
        }
        for (String prefix : literal) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String[] literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null) {
            return ANY; // matched by the legacy path matcher: leave it all to Spring
        }
        Set<String> patterns = condition.getPatternValues();
        if (patterns.isEmpty() || patterns.contains("")) {
            return ANY; // no pattern (or an empty one) matches more than its literal text
        }
        return patterns.stream().map(LiteralPrefixHandlerMapping::literalPart).toArray(String[]::new);
    }

    private static String literalPart(String pattern) {
        int end = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\') {
                end = i;
                break;
            }
        }
        return pattern.substring(0, end);
    }
}
