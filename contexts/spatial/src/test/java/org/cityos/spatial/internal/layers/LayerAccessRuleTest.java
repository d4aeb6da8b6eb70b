package org.cityos.spatial.internal.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.spatial.LayerAccess;
import org.cityos.spatial.LayerDefinition;
import org.cityos.spatial.LayerGeometryType;
import org.cityos.spatial.LayerId;
import org.cityos.spatial.LayerProblems.LayerReadDenied;
import org.cityos.spatial.LayerUpdateFrequency;
import org.junit.jupiter.api.Test;

class LayerAccessRuleTest {
    static final DepartmentCode ECOLOGY = DepartmentCode.of("ecology");
    static final DepartmentCode EMERGENCY = DepartmentCode.of("emergency");
    static final DepartmentCode TRANSPORT = DepartmentCode.of("transport");

    static LayerDefinition layer(LayerAccess access) {
        return new LayerDefinition(
                LayerId.of("hazard-sites"),
                "危化品企业",
                "Hazardous chemical sites",
                "",
                ECOLOGY,
                LayerGeometryType.POINT,
                Map.of(),
                LayerUpdateFrequency.DAILY,
                access,
                Set.of(EMERGENCY),
                false);
    }

    static Actor user(Role role, boolean allDepartments, DepartmentCode... departments) {
        return new Actor("u", ActorKind.USER, "u", Set.of(role), List.of(), Set.of(departments), allDepartments);
    }

    static Actor apiKeyWithoutRoles() {
        return new Actor("k", ActorKind.API_KEY, "k", Set.of(), List.of(), Set.of(), false);
    }

    @Test
    void public_layers_are_read_by_any_signed_in_actor() {
        assertThat(LayerAccessRule.canRead(apiKeyWithoutRoles(), layer(LayerAccess.PUBLIC)))
                .isTrue();
        assertThat(LayerAccessRule.canRead(user(Role.GRID_WORKER, false), layer(LayerAccess.PUBLIC)))
                .isTrue();
    }

    @Test
    void internal_layers_need_staff_read_rights() {
        assertThat(LayerAccessRule.canRead(user(Role.GRID_WORKER, false), layer(LayerAccess.INTERNAL)))
                .isTrue();
        assertThat(LayerAccessRule.canRead(apiKeyWithoutRoles(), layer(LayerAccess.INTERNAL)))
                .isFalse();
    }

    @Test
    void restricted_layers_open_to_owner_listed_departments_and_administrators_only() {
        LayerDefinition restricted = layer(LayerAccess.RESTRICTED);
        assertThat(LayerAccessRule.canRead(user(Role.DEPARTMENT_HANDLER, false, ECOLOGY), restricted))
                .isTrue();
        assertThat(LayerAccessRule.canRead(user(Role.DEPARTMENT_HANDLER, false, EMERGENCY), restricted))
                .isTrue();
        assertThat(LayerAccessRule.canRead(user(Role.DEPARTMENT_HANDLER, false, TRANSPORT), restricted))
                .isFalse();
        assertThat(LayerAccessRule.canRead(user(Role.LEADER, true), restricted))
                .as("a district-wide department scope is not membership")
                .isFalse();
        assertThat(LayerAccessRule.canRead(user(Role.SYSTEM_ADMIN, false), restricted))
                .isTrue();
        assertThat(LayerAccessRule.canRead(Actor.system("poi"), restricted)).isTrue();
        assertThatThrownBy(() -> LayerAccessRule.requireRead(user(Role.OPERATOR, false, TRANSPORT), restricted))
                .isInstanceOf(LayerReadDenied.class);
    }

    @Test
    void writing_needs_division_write_and_read_access() {
        assertThatThrownBy(() -> LayerAccessRule.requireWrite(
                        user(Role.DEPARTMENT_HANDLER, false, ECOLOGY), layer(LayerAccess.PUBLIC)))
                .isInstanceOf(AccessDenied.class);
        LayerAccessRule.requireWrite(user(Role.DATA_STEWARD, false), layer(LayerAccess.PUBLIC));
        LayerAccessRule.requireWrite(user(Role.DATA_STEWARD, false, ECOLOGY), layer(LayerAccess.RESTRICTED));
        assertThatThrownBy(() -> LayerAccessRule.requireWrite(
                        user(Role.DATA_STEWARD, false, TRANSPORT), layer(LayerAccess.RESTRICTED)))
                .isInstanceOf(LayerReadDenied.class);
    }
}
