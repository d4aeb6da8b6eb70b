package org.cityos.iot;

import java.util.List;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;

/**
 * Which devices an actor sees and changes: those in divisions it covers (code prefixes), and those
 * owned by or shared with departments it covers. {@code everything} for the system and all-department actors.
 */
public record DeviceScope(boolean everything, List<String> divisionPrefixes, List<String> departments) {
    public DeviceScope {
        divisionPrefixes = List.copyOf(divisionPrefixes);
        departments = List.copyOf(departments);
    }

    public static DeviceScope of(Actor actor) {
        if (actor.isSystem() || actor.allDepartments()) {
            return new DeviceScope(true, List.of(), List.of());
        }
        return new DeviceScope(
                false,
                actor.divisions().stream().map(DivisionCode::prefix).toList(),
                actor.departments().stream().map(d -> d.value()).sorted().toList());
    }

    public boolean includes(Device d) {
        if (everything) {
            return true;
        }
        return divisionPrefixes.stream().anyMatch(p -> d.division().value().startsWith(p))
                || departments.contains(d.department().value())
                || d.sharedWith().stream().anyMatch(s -> departments.contains(s.value()));
    }
}
