package org.cityos.alerting.internal.engine;

import org.cityos.alerting.internal.expr.Facts;

/** Where the judge's decisions go; the engine turns them into findings and keeps the subject's state in step. */
interface Verdicts {
    void raise(SubjectState s, Facts f, long at);

    void repeat(SubjectState s, Facts f, long at);

    void clear(SubjectState s, Facts f, long at);
}
