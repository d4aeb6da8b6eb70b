package org.cityos.http;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's mapping of annotated controllers, with an index in front. For a path that is not a literal mapping
 * (every {@code /api/casework/cases/{id}/sign}), Spring walks all of its several hundred mappings and evaluates each
 * one's conditions — method, media types, then the pattern; that walk was about 15% of a case transition's CPU. A
 * mapping can only match a path that begins with the literal part of one of its patterns (everything before the
 * first variable or wildcard), so only mappings whose literal beginning the path has are evaluated here. Which of
 * them matches, and which match is best, is still Spring's decision (its conditions and its comparator); when none
 * matches, or for a CORS pre-flight, the lookup is left to Spring whole, so the answers for those (404, 405, 415 …)
 * stay exactly Spring's.
 */
public final class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {
    private record Candidate(RequestMappingInfo info, HandlerMethod handler) {}

    private volatile PrefixIndex<Candidate> index;

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<RequestMappingInfo> matches = new ArrayList<>(2);
        List<HandlerMethod> handlers = new ArrayList<>(2);
        for (Candidate c : index().startingWith(lookupPath)) {
            RequestMappingInfo match = getMatchingMapping(c.info(), request);
            if (match != null) {
                matches.add(match);
                handlers.add(c.handler());
            }
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        int best = 0;
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
            for (int i = 1; i < matches.size(); i++) {
                if (comparator.compare(matches.get(i), matches.get(best)) < 0) {
                    best = i;
                }
            }
            for (int i = 0; i < matches.size(); i++) {
                if (i != best && comparator.compare(matches.get(i), matches.get(best)) == 0) {
                    // Spring refuses ambiguity with its own message; let it say so.
                    return super.lookupHandlerMethod(lookupPath, request);
                }
            }
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handlers.get(best));
        handleMatch(matches.get(best), lookupPath, request);
        return handlers.get(best);
    }

    /** The mappings whose patterns' literal beginnings {@code path} has: the only ones that can match it. */
    public List<RequestMappingInfo> candidates(String path) {
        List<RequestMappingInfo> kept = new ArrayList<>();
        for (Candidate c : index().startingWith(path)) {
            kept.add(c.info());
        }
        return kept;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    private PrefixIndex<Candidate> index() {
        PrefixIndex<Candidate> current = index;
        if (current == null) {
            current = new PrefixIndex<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                    getHandlerMethods().entrySet()) {
                Candidate candidate = new Candidate(e.getKey(), e.getValue());
                for (String prefix : literalPrefixes(e.getKey())) {
                    current.add(prefix, candidate);
                }
            }
            index = current;
        }
        return current;
    }

    /** The literal beginnings of the mapping's patterns; the empty beginning when the mapping may match any path. */
    private static String[] literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null) {
            return new String[] {""}; // matched by the legacy path matcher: a candidate for every path
        }
        Set<String> patterns = condition.getPatternValues();
        if (patterns.isEmpty() || patterns.contains("")) {
            return new String[] {""};
        }
        return patterns.stream().map(LiteralPrefixHandlerMapping::literalPart).toArray(String[]::new);
    }

    private static String literalPart(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }
}
