package org.cityos.testkit;

import java.util.function.Supplier;
import org.cityos.http.Unauthenticated;
import org.cityos.kernel.access.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a controller's {@link Actor} argument to whoever the test acts as at the time of the request, where the
 * security filter would set it in the assembled app; nobody (null) is answered as an unauthenticated request.
 *
 * @param current asked on every request, so a test may switch actors between requests
 */
public record FixedActorResolver(Supplier<Actor> current) implements HandlerMethodArgumentResolver {

    /** Acts as whoever stands in the first slot of {@code holder}; the test swaps that slot to switch. */
    public static FixedActorResolver of(Actor[] holder) {
        return new FixedActorResolver(() -> holder[0]);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Actor actor = current.get();
        if (actor == null) {
            throw new Unauthenticated();
        }
        return actor;
    }
}
