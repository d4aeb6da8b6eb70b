package org.cityos.casework;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;

/**
 * A unit that can hold a case, written {@code kind:code}: {@code centre:110115000000}, {@code dept:urban-management},
 * {@code town:110115001000}, {@code community:110115001001}, {@code grid:110115001001001}, {@code user:<user id>}.
 */
public record UnitRef(UnitKind kind, String code) {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_\\-]{1,40}");

    public UnitRef {
        if (kind == null || code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a unit: " + kind + ":" + code);
        }
    }

    public static UnitRef centre(DivisionCode district) {
        return new UnitRef(UnitKind.CENTRE, district.value());
    }

    public static UnitRef department(DepartmentCode code) {
        return new UnitRef(UnitKind.DEPARTMENT, code.value());
    }

    public static UnitRef division(UnitKind kind, DivisionCode code) {
        return new UnitRef(kind, code.value());
    }

    public static Optional<UnitRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        UnitKind kind = UnitKind.byPrefix(text.substring(0, colon).strip());
        String code = text.substring(colon + 1).strip();
        if (kind == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        if (kind == UnitKind.TOWN || kind == UnitKind.COMMUNITY || kind == UnitKind.GRID || kind == UnitKind.CENTRE) {
            if (!DivisionCode.isValid(code)) {
                return Optional.empty();
            }
        }
        return Optional.of(new UnitRef(kind, code));
    }

    /** The division a territorial unit stands for, empty for departments and handlers. */
    public Optional<DivisionCode> divisionCode() {
        return switch (kind) {
            case CENTRE, TOWN, COMMUNITY, GRID -> Optional.of(DivisionCode.of(code));
            default -> Optional.empty();
        };
    }

    @JsonValue
    @Override
    public String toString() {
        return kind.prefix() + ":" + code;
    }
}
