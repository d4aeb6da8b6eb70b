package org.cityos.casework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cityos.casework.internal.ActingUnits;
import org.cityos.casework.internal.CallerMask;
import org.cityos.identity.Scope;
import org.cityos.identity.User;
import org.cityos.identity.Users;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.access.Role;
import org.cityos.kernel.problem.AccessDenied;

/**
 * The named handlers (承办人) a unit may pass a case down to: enabled people who may handle cases inside the unit —
 * a department's own handlers, or the town, community and grid handlers within a town or community. Only a holder
 * of the unit may ask, and names come masked (the username identifies the account).
 */
public class HandlerChoices {
    /** One person a case can go to, as {@code user:<id>}. */
    public record Choice(String unit, String name, String username) {}

    private static final Actor READER = Actor.system("casework-handlers");
    private static final Set<Role> TERRITORIAL = Set.of(Role.TOWN_HANDLER, Role.COMMUNITY_HANDLER, Role.GRID_WORKER);

    private final Supplier<List<User>> users;
    private final DivisionCode district;

    public HandlerChoices(Supplier<List<User>> users, DivisionCode district) {
        this.users = users;
        this.district = district;
    }

    public List<Choice> below(Actor actor, UnitRef holder) {
        actor.require(Permission.CASE_HANDLE);
        if (!ActingUnits.of(actor, district).contains(holder)) {
            throw new AccessDenied("problem.case-unit-not-yours", holder.toString());
        }
        return users.get().stream()
                .filter(User::enabled)
                .filter(u -> candidate(holder, u.scope()))
                .sorted(Comparator.comparing(User::username))
                .map(u -> new Choice("user:" + u.id(), CallerMask.name(u.displayName()), u.username()))
                .toList();
    }

    /** True when a person of this scope may receive a case passed down by {@code holder}. */
    static boolean candidate(UnitRef holder, Scope scope) {
        return switch (holder.kind()) {
            case DEPARTMENT ->
                scope.roles().contains(Role.DEPARTMENT_HANDLER)
                        && (scope.allDepartments() || scope.departments().contains(DepartmentCode.of(holder.code())));
            case TOWN, COMMUNITY -> {
                DivisionCode place = DivisionCode.of(holder.code());
                yield scope.roles().stream().anyMatch(TERRITORIAL::contains)
                        && scope.divisions().stream().anyMatch(place::contains);
            }
            case CENTRE, GRID, HANDLER -> false;
        };
    }

    /** Every registered person, read page by page as CityOS itself. */
    public static List<User> everyone(Users users) {
        if (users == null) {
            return List.of();
        }
        List<User> all = new ArrayList<>();
        Page<User> page;
        do {
            page = users.list(READER, PageRequest.of(all.size(), PageRequest.MAX_LIMIT));
            all.addAll(page.items());
        } while (!page.items().isEmpty() && all.size() < page.total());
        return all;
    }
}
