package org.cityos.identity.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.identity.Scope;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Role;

/** Reads and writes a {@link Scope} as the four columns users and API keys share. */
final class ScopeColumns {
    private ScopeColumns() {}

    static Scope read(ResultSet rs) throws SQLException {
        return new Scope(
                Arrays.stream(strings(rs.getArray("roles"))).map(Role::valueOf).collect(Collectors.toSet()),
                Arrays.stream(strings(rs.getArray("division_scopes")))
                        .map(DivisionCode::of)
                        .toList(),
                Arrays.stream(strings(rs.getArray("department_scopes")))
                        .map(DepartmentCode::of)
                        .collect(Collectors.toSet()),
                rs.getBoolean("all_departments"));
    }

    static String[] roles(Scope scope) {
        return scope.roles().stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    static String[] divisions(Scope scope) {
        return scope.divisions().stream().map(DivisionCode::value).toArray(String[]::new);
    }

    static String[] departments(Scope scope) {
        return scope.departments().stream().map(DepartmentCode::value).sorted().toArray(String[]::new);
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    static Set<String> names(Scope scope) {
        return scope.roles().stream().map(Enum::name).collect(Collectors.toSet());
    }
}
