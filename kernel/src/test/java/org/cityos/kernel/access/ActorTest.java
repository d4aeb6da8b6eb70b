package org.cityos.kernel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.problem.AccessDenied;
import org.junit.jupiter.api.Test;

class ActorTest {
    private final Actor townHandler = new Actor(
            "u1",
            ActorKind.USER,
            "黄村处置员",
            Set.of(Role.TOWN_HANDLER),
            List.of(DivisionCode.of("110115005000")),
            Set.of(DepartmentCode.of("urban-management")),
            false);

    @Test
    void scopeCoversOwnSubtreeOnly() {
        assertThat(townHandler.covers(DivisionCode.of("110115005001"))).isTrue();
        assertThat(townHandler.covers(DivisionCode.of("110115006000"))).isFalse();
        assertThat(townHandler.covers(DivisionCode.of("110115000000"))).isFalse();
        assertThatThrownBy(() -> townHandler.requireDivision(DivisionCode.of("110115006001")))
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void permissionsComeFromRoles() {
        assertThat(townHandler.has(Permission.DIVISION_READ)).isTrue();
        assertThat(townHandler.has(Permission.DIVISION_WRITE)).isFalse();
        assertThatThrownBy(() -> townHandler.require(Permission.USER_WRITE)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void departmentScopeIsExplicit() {
        assertThat(townHandler.coversDepartment(DepartmentCode.of("urban-management")))
                .isTrue();
        assertThat(townHandler.coversDepartment(DepartmentCode.of("ecology"))).isFalse();
    }

    @Test
    void systemActorIsUnlimited() {
        Actor system = Actor.system("seeder");
        assertThat(system.covers(DivisionCode.of("110115006001"))).isTrue();
        assertThat(system.has(Permission.PII_UNMASK)).isTrue();
    }
}
