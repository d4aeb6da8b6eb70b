package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.http.LiteralPrefixHandlerMapping;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The literal-prefix first test of handler lookup never turns away a mapping Spring would match, over every mapping
 * the assembled CityOS has and a concrete path made from each of its patterns — and it does turn most away. (Every
 * other system test goes through it as well.)
 */
class HandlerLookupSystemTest extends SystemTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void thePrefixTestRejectsNoMatchingMappingAndMostOthers() throws Exception {
        assertThat(mapping).isInstanceOf(LiteralPrefixHandlerMapping.class);
        LiteralPrefixHandlerMapping lookup = (LiteralPrefixHandlerMapping) mapping;
        Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
        assertThat(all).hasSizeGreaterThan(100);
        List<String> wrong = new ArrayList<>();
        long tried = 0;
        long skipped = 0;
        for (RequestMappingInfo target : all.keySet()) {
            for (String pattern : target.getPathPatternsCondition().getPatternValues()) {
                MockHttpServletRequest request = requestFor(target, concrete(pattern));
                List<RequestMappingInfo> kept = lookup.candidates(request.getRequestURI());
                List<HandlerMethod> springHandlers = new ArrayList<>();
                int matched = 0;
                for (RequestMappingInfo candidate : all.keySet()) {
                    boolean springMatches = candidate.getMatchingCondition(request) != null;
                    if (springMatches) {
                        springHandlers.add(all.get(candidate));
                    }
                    tried++;
                    skipped += kept.contains(candidate) ? 0 : 1;
                    if (springMatches && !kept.contains(candidate)) {
                        wrong.add(
                                candidate + " turned away for " + request.getMethod() + " " + request.getRequestURI());
                    }
                    matched += springMatches ? 1 : 0;
                }
                assertThat(matched)
                        .as("something matches " + request.getRequestURI())
                        .isPositive();
            }
        }
        assertThat(wrong).isEmpty();
        assertThat((double) skipped / tried)
                .as("share turned away by the prefix test")
                .isGreaterThan(0.8);
    }

    /** A path the pattern matches: variables become a segment, wildcards two. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b")
                .replaceAll("\\{[^}]+}", "v1")
                .replace("**", "a/b")
                .replace("*", "x");
    }

    private static MockHttpServletRequest requestFor(RequestMappingInfo target, String path) {
        RequestMethod method =
                target.getMethodsCondition().getMethods().stream().findFirst().orElse(RequestMethod.GET);
        MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
        target.getConsumesCondition().getConsumableMediaTypes().stream()
                .findFirst()
                .ifPresent(type -> request.setContentType(type.toString()));
        target.getParamsCondition().getExpressions().forEach(p -> {
            if (!p.isNegated()) {
                request.setParameter(p.getName(), p.getValue() == null ? "1" : p.getValue());
            }
        });
        target.getHeadersCondition().getExpressions().forEach(h -> {
            if (!h.isNegated()) {
                request.addHeader(h.getName(), h.getValue() == null ? "1" : h.getValue());
            }
        });
        request.addHeader("Accept", "*/*");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
