package org.cityos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.junit.jupiter.api.Test;

class ScopeTest {
    private static final DivisionCode TOWN = DivisionCode.of("110115005000");
    private final Actor townAdmin =
            new Actor("a", ActorKind.USER, "town-admin", Set.of(Role.SYSTEM_ADMIN), List.of(TOWN), Set.of(), false);

    @Test
    void grantsStayWithinTheGrantersOwnPlacesAndPermissions() {
        Scope inside = new Scope(Set.of(Role.GRID_WORKER), List.of(DivisionCode.of("110115005012")), Set.of(), false);
        Scope elsewhere =
                new Scope(Set.of(Role.GRID_WORKER), List.of(DivisionCode.of("110115006000")), Set.of(), false);
        Scope everyDepartment = new Scope(Set.of(Role.LEADER), List.of(TOWN), Set.of(), true);
        assertThat(inside.grantableBy(townAdmin)).isTrue();
        assertThat(elsewhere.grantableBy(townAdmin)).isFalse();
        assertThat(everyDepartment.grantableBy(townAdmin)).isFalse();

        Actor steward = new Actor(
                "s",
                ActorKind.USER,
                "steward",
                Set.of(Role.DATA_STEWARD),
                List.of(DivisionCode.of("110115000000")),
                Set.of(),
                true);
        assertThat(new Scope(Set.of(Role.SYSTEM_ADMIN), List.of(TOWN), Set.of(), false).grantableBy(steward))
                .isFalse();
    }

    @Test
    void visibilityNeedsOneSharedPlaceOrUnit() {
        Scope other = new Scope(
                Set.of(Role.DEPARTMENT_HANDLER),
                List.of(DivisionCode.of("110115006000")),
                Set.of(DepartmentCode.of("ecology")),
                false);
        assertThat(other.visibleTo(townAdmin)).isFalse();
        Actor ecology = new Actor(
                "e",
                ActorKind.USER,
                "eco",
                Set.of(Role.OPERATOR),
                List.of(),
                Set.of(DepartmentCode.of("ecology")),
                false);
        assertThat(other.visibleTo(ecology)).isTrue();
    }
}
