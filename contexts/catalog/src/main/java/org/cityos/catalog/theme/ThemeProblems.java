package org.cityos.catalog.theme;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** The ways a theme request fails, each with its problem type. */
public final class ThemeProblems {
    private ThemeProblems() {}

    public static final class UnknownTheme extends DomainProblem {
        public UnknownTheme(String code) {
            super(ProblemKind.NOT_FOUND, "theme-unknown", "problem.theme-unknown", code);
        }
    }

    public static final class UnknownThemeTable extends DomainProblem {
        public UnknownThemeTable(String code, String table) {
            super(ProblemKind.NOT_FOUND, "theme-unknown-table", "problem.theme-unknown-table", code, table);
        }
    }

    /** A theme with this code exists already: 409. */
    public static final class ThemeExists extends DomainProblem {
        public ThemeExists(String code) {
            super(ProblemKind.CONFLICT, "theme-exists", "problem.theme-exists", code);
        }
    }
}
