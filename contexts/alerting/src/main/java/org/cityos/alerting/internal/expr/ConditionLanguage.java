package org.cityos.alerting.internal.expr;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What authors may write beyond standard CEL, declared once for the checker and bound once for the runtime
 * fallback: {@code abs}, {@code min}, {@code max}, {@code %} on doubles, and arithmetic and equality mixing an
 * int ({@code size()}, {@code int()}) with a double. The native evaluator reuses the same arithmetic helpers, so
 * both paths compute alike.
 */
final class ConditionLanguage {
    /** min and max take two up to this many numbers (CEL has no varargs, so one overload per arity). */
    static final int MAX_ARGS = 8;

    /** RE2 runs in linear time, but a huge program still costs on every event; real patterns need far less. */
    static final int MAX_REGEX_PROGRAM = 1000;

    static final CelOptions OPTIONS = CelOptions.current()
            // pm25 > 75: an int literal compared with a double reading
            .enableHeterogeneousNumericComparisons(true)
            // missing values are CEL unknowns on the fallback path, so they absorb like the native tree's
            .enableUnknownTracking(true)
            // a runaway macro over a long list must not stall the stream
            .comprehensionMaxIterations(10_000)
            .maxRegexProgramSize(MAX_REGEX_PROGRAM)
            .build();

    private static final String[] ARITHMETIC = {"_+_", "_-_", "_*_", "_/_", "_%_"};

    private ConditionLanguage() {}

    static CelType celType(VarType type) {
        return switch (type) {
            case NUMBER -> SimpleType.DOUBLE;
            case BOOL -> SimpleType.BOOL;
            case TEXT -> SimpleType.STRING;
            case TEXT_LIST -> ListType.create(SimpleType.STRING);
        };
    }

    static List<CelFunctionDecl> declarations() {
        List<CelFunctionDecl> out = new ArrayList<>();
        out.add(CelFunctionDecl.newFunctionDeclaration(
                "abs",
                CelOverloadDecl.newGlobalOverload("cityos_abs_double", SimpleType.DOUBLE, SimpleType.DOUBLE),
                CelOverloadDecl.newGlobalOverload("cityos_abs_int", SimpleType.INT, SimpleType.INT)));
        for (String f : List.of("min", "max")) {
            List<CelOverloadDecl> overloads = new ArrayList<>();
            for (int n = 2; n <= MAX_ARGS; n++) {
                overloads.add(CelOverloadDecl.newGlobalOverload(
                        id(f, n), SimpleType.DOUBLE, Collections.nCopies(n, SimpleType.DOUBLE)));
            }
            out.add(CelFunctionDecl.newFunctionDeclaration(f, overloads));
        }
        for (String op : ARITHMETIC) {
            List<CelOverloadDecl> overloads = new ArrayList<>();
            overloads.add(global(op, "int_double", SimpleType.DOUBLE, SimpleType.INT, SimpleType.DOUBLE));
            overloads.add(global(op, "double_int", SimpleType.DOUBLE, SimpleType.DOUBLE, SimpleType.INT));
            if (op.equals("_%_")) {
                overloads.add(global(op, "double", SimpleType.DOUBLE, SimpleType.DOUBLE, SimpleType.DOUBLE));
            }
            out.add(CelFunctionDecl.newFunctionDeclaration(op, overloads));
        }
        for (String op : List.of("_==_", "_!=_")) {
            out.add(CelFunctionDecl.newFunctionDeclaration(
                    op,
                    global(op, "int_double", SimpleType.BOOL, SimpleType.INT, SimpleType.DOUBLE),
                    global(op, "double_int", SimpleType.BOOL, SimpleType.DOUBLE, SimpleType.INT)));
        }
        return out;
    }

    static List<CelFunctionBinding> bindings() {
        List<CelFunctionBinding> out = new ArrayList<>();
        out.add(CelFunctionBinding.from("cityos_abs_double", Double.class, Math::abs));
        out.add(CelFunctionBinding.from("cityos_abs_int", Long.class, ConditionLanguage::absExact));
        for (int n = 2; n <= MAX_ARGS; n++) {
            List<Class<?>> args = Collections.nCopies(n, Double.class);
            out.add(CelFunctionBinding.from(id("min", n), args, a -> fold(a, true)));
            out.add(CelFunctionBinding.from(id("max", n), args, a -> fold(a, false)));
        }
        for (String op : ARITHMETIC) {
            out.add(CelFunctionBinding.from(
                    overloadId(op, "int_double"),
                    Long.class,
                    Double.class,
                    (x, y) -> arithmetic(op, x.doubleValue(), y)));
            out.add(CelFunctionBinding.from(
                    overloadId(op, "double_int"),
                    Double.class,
                    Long.class,
                    (x, y) -> arithmetic(op, x, y.doubleValue())));
        }
        out.add(CelFunctionBinding.from(overloadId("_%_", "double"), Double.class, Double.class, (x, y) -> x % y));
        for (String op : List.of("_==_", "_!=_")) {
            boolean eq = op.equals("_==_");
            out.add(CelFunctionBinding.from(
                    overloadId(op, "int_double"), Long.class, Double.class, (x, y) -> (x.doubleValue() == y) == eq));
            out.add(CelFunctionBinding.from(
                    overloadId(op, "double_int"), Double.class, Long.class, (x, y) -> (x == y.doubleValue()) == eq));
        }
        return out;
    }

    static double min(double a, double b) {
        return Math.min(a, b);
    }

    static double max(double a, double b) {
        return Math.max(a, b);
    }

    private static Object fold(Object[] args, boolean least) {
        double r = (Double) args[0];
        for (int i = 1; i < args.length; i++) {
            double v = (Double) args[i];
            r = least ? min(r, v) : max(r, v);
        }
        return r;
    }

    private static double arithmetic(String op, double x, double y) {
        return switch (op) {
            case "_+_" -> x + y;
            case "_-_" -> x - y;
            case "_*_" -> x * y;
            case "_/_" -> x / y;
            default -> x % y;
        };
    }

    private static Object absExact(Long x) throws CelEvaluationException {
        if (x == Long.MIN_VALUE) {
            throw new CelEvaluationException("abs() of the smallest int overflows");
        }
        return Math.abs(x);
    }

    private static String id(String function, int arity) {
        return "cityos_" + function + "_double_" + arity;
    }

    private static CelOverloadDecl global(String op, String suffix, CelType result, CelType... params) {
        return CelOverloadDecl.newGlobalOverload(overloadId(op, suffix), result, params);
    }

    private static String overloadId(String op, String suffix) {
        String name = switch (op) {
            case "_+_" -> "add";
            case "_-_" -> "subtract";
            case "_*_" -> "multiply";
            case "_/_" -> "divide";
            case "_%_" -> "modulo";
            case "_==_" -> "equals";
            default -> "not_equals";
        };
        return "cityos_" + name + "_" + suffix;
    }
}
