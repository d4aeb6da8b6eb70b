package org.cityos.casework;

import org.cityos.kernel.access.Actor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** Lets tests of other packages (web) use the casework bench and its people. */
public final class CaseBenchAccess implements AutoCloseable {
    private final CaseBench bench;

    private CaseBenchAccess(CaseBench bench) {
        this.bench = bench;
    }

    public static CaseBenchAccess open() {
        return new CaseBenchAccess(new CaseBench());
    }

    public AnnotationConfigApplicationContext context() {
        return bench.context;
    }

    public static Actor operator() {
        return CaseBench.OPERATOR;
    }

    public static Actor westTown() {
        return CaseBench.WEST;
    }

    public static Actor eastTown() {
        return CaseBench.EAST;
    }

    @Override
    public void close() {
        bench.close();
    }
}
