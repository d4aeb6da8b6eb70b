package org.cityos.alerting.internal.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelMutableAst;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelMutableExpr;
import dev.cel.common.ast.CelMutableExpr.CelMutableCall;
import dev.cel.common.ast.CelMutableExpr.CelMutableComprehension;
import java.util.Set;

/**
 * Turns int and uint literals into doubles before type checking, so that {@code value * 2 > 10},
 * {@code pm25 in [75, 100]} and {@code 1 / 0} mean what an author of readings expects: numbers are doubles, and
 * dividing by zero gives infinity instead of an error. Expression ids are kept, so positions stay right.
 */
final class LiteralWidening {
    /** Functions whose int arguments are not numbers in our sense ({@code string(3)} is "3", not "3.0"). */
    private static final Set<String> KEEP_INT_ARGUMENTS = Set.of("string", "type", "timestamp", "duration", "bytes");

    private LiteralWidening() {}

    static CelAbstractSyntaxTree widen(CelAbstractSyntaxTree parsed) {
        CelMutableAst mutable = CelMutableAst.fromCelAst(parsed);
        widen(mutable.expr(), false);
        // CelMutableAst drops the positions on the way back; the ids did not change, so the old source fits.
        return CelAbstractSyntaxTree.newParsedAst(mutable.toParsedAst().getExpr(), parsed.getSource());
    }

    private static void widen(CelMutableExpr e, boolean keepInt) {
        switch (e.getKind()) {
            case CONSTANT -> {
                CelConstant c = e.constant();
                if (keepInt) {
                    return;
                }
                if (c.getKind() == CelConstant.Kind.INT64_VALUE) {
                    e.setConstant(CelConstant.ofValue((double) c.int64Value()));
                } else if (c.getKind() == CelConstant.Kind.UINT64_VALUE) {
                    e.setConstant(CelConstant.ofValue(c.uint64Value().doubleValue()));
                }
            }
            case CALL -> {
                CelMutableCall call = e.call();
                call.target().ifPresent(t -> widen(t, false));
                // a list index and a map key stay ints: CEL indexes by int, and double map keys do not exist
                boolean index =
                        call.function().equals("_[_]") || call.function().equals("_[?_]");
                boolean keep = KEEP_INT_ARGUMENTS.contains(call.function());
                for (int i = 0; i < call.args().size(); i++) {
                    widen(call.args().get(i), keep || (index && i == 1));
                }
            }
            case LIST -> e.list().elements().forEach(x -> widen(x, false));
            case MAP ->
                e.map().entries().forEach(entry -> {
                    widen(entry.key(), true);
                    widen(entry.value(), false);
                });
            case STRUCT -> e.struct().entries().forEach(entry -> widen(entry.value(), false));
            case SELECT -> widen(e.select().operand(), false);
            case COMPREHENSION -> {
                CelMutableComprehension c = e.comprehension();
                widen(c.iterRange(), false);
                widen(c.accuInit(), false);
                widen(c.loopCondition(), false);
                widen(c.loopStep(), false);
                widen(c.result(), false);
            }
            default -> {}
        }
    }
}
