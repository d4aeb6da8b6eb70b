package org.cityos.kernel;

import java.util.regex.Pattern;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** A government department (委办局), named by a short lowercase code such as {@code ecology}. */
public record DepartmentCode(String value) implements Comparable<DepartmentCode> {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public DepartmentCode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidDepartmentCode(value);
        }
    }

    public static DepartmentCode of(String value) {
        return new DepartmentCode(value);
    }

    @Override
    public int compareTo(DepartmentCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Raised for a department code of the wrong shape. */
    public static final class InvalidDepartmentCode extends DomainProblem {
        InvalidDepartmentCode(String value) {
            super(ProblemKind.INVALID, "invalid-department-code", "problem.invalid-department-code", value);
        }
    }
}
