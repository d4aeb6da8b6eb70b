package org.cityos.alerting.internal.expr;

import com.google.re2j.Pattern;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import java.util.List;

/**
 * Compiles a checked CEL AST into the native tree, or gives up (null) on the first construct it does not cover:
 * macros, selections, lists as values, int-only arithmetic, conversions from strings, … Giving up is not an
 * error; the caller then runs the condition on cel-java's runtime.
 */
final class NativeTranslator {
    /** Unwinds the translation at the first uncovered construct; thrown only while compiling, never evaluating. */
    private static final class NotNative extends RuntimeException {
        NotNative() {
            super(null, null, false, false);
        }
    }

    private static final NotNative NOT_NATIVE = new NotNative();

    private enum Kind {
        NUMBER,
        BOOL,
        TEXT,
        TEXT_LIST,
        NULL,
        OTHER
    }

    private final CelAbstractSyntaxTree ast;
    private final Vocabulary vocabulary;

    private NativeTranslator(CelAbstractSyntaxTree ast, Vocabulary vocabulary) {
        this.ast = ast;
        this.vocabulary = vocabulary;
    }

    /** The native tree of a checked boolean condition, or null when part of it is not covered. */
    static BoolNode translate(CelAbstractSyntaxTree checked, Vocabulary vocabulary) {
        try {
            return new NativeTranslator(checked, vocabulary).bool(checked.getExpr());
        } catch (NotNative e) {
            return null;
        }
    }

    private BoolNode bool(CelExpr e) {
        switch (e.getKind()) {
            case CONSTANT:
                if (e.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE) {
                    return new Logic.Constant(Truth.of(e.constant().booleanValue()));
                }
                throw NOT_NATIVE;
            case IDENT:
                return new Logic.Variable(slot(e, VarType.BOOL));
            case CALL:
                return boolCall(e.call());
            default:
                throw NOT_NATIVE;
        }
    }

    private BoolNode boolCall(CelCall call) {
        List<CelExpr> args = call.args();
        if (call.target().isPresent()) {
            CelExpr subject = call.target().get();
            return args.size() == 1 ? member(call.function(), subject, args.get(0)) : fail();
        }
        switch (call.function()) {
            case "_&&_":
                return args.size() == 2 ? new Logic.And(bool(args.get(0)), bool(args.get(1))) : fail();
            case "_||_":
                return args.size() == 2 ? new Logic.Or(bool(args.get(0)), bool(args.get(1))) : fail();
            case "!_":
                return new Logic.Not(bool(args.get(0)));
            case "_?_:_":
                return new Logic.Choice(bool(args.get(0)), bool(args.get(1)), bool(args.get(2)));
            case "@in":
                return in(args.get(0), args.get(1));
            case "matches":
                return args.size() == 2 ? matches(args.get(0), args.get(1)) : fail();
            default:
                Order order = Order.of(call.function());
                return order != null && args.size() == 2 ? compare(args.get(0), args.get(1), order) : fail();
        }
    }

    private BoolNode member(String function, CelExpr subject, CelExpr argument) {
        return switch (function) {
            case "startsWith" -> new Texts.Function(text(subject), text(argument), Texts.Test.STARTS_WITH);
            case "endsWith" -> new Texts.Function(text(subject), text(argument), Texts.Test.ENDS_WITH);
            case "contains" -> new Texts.Function(text(subject), text(argument), Texts.Test.CONTAINS);
            case "matches" -> matches(subject, argument);
            default -> fail();
        };
    }

    private BoolNode matches(CelExpr subject, CelExpr pattern) {
        if (pattern.getKind() != CelExpr.ExprKind.Kind.CONSTANT
                || pattern.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
            throw NOT_NATIVE; // a pattern computed per event is left to the runtime
        }
        // the compiler already refused patterns RE2 cannot compile
        return new Texts.Matches(
                text(subject), Pattern.compile(pattern.constant().stringValue()));
    }

    private BoolNode compare(CelExpr left, CelExpr right, Order order) {
        Kind a = kind(left);
        Kind b = kind(right);
        if (a != b) {
            throw NOT_NATIVE;
        }
        return switch (a) {
            case NUMBER ->
                mixed(left, right) && order != Order.EQ && order != Order.NE
                        ? new Comparisons.MixedOrder(number(left), number(right), order)
                        : Comparisons.numbers(number(left), number(right), order);
            case TEXT -> new Comparisons.Texts(text(left), text(right), order);
            case BOOL -> new Logic.Compare(bool(left), bool(right), order);
            // null == null: the only comparison the checker lets through with null on both sides
            case NULL ->
                order == Order.EQ || order == Order.NE ? new Logic.Constant(Truth.of(order == Order.EQ)) : fail();
            default -> fail();
        };
    }

    /** One side an int, the other a double. */
    private boolean mixed(CelExpr left, CelExpr right) {
        return (type(left).kind() == CelKind.INT) != (type(right).kind() == CelKind.INT);
    }

    private BoolNode in(CelExpr needle, CelExpr list) {
        Kind k = kind(needle);
        if (list.getKind() == CelExpr.ExprKind.Kind.IDENT && k == Kind.TEXT) {
            return new Membership.TextInVariable(text(needle), slot(list, VarType.TEXT_LIST));
        }
        if (list.getKind() != CelExpr.ExprKind.Kind.LIST
                || !list.list().optionalIndices().isEmpty()) {
            throw NOT_NATIVE;
        }
        List<CelExpr> elements = list.list().elements();
        return switch (k) {
            case TEXT ->
                Membership.ofTexts(
                        text(needle), elements.stream().map(this::text).toArray(TextNode[]::new));
            case NUMBER ->
                Membership.ofNumbers(
                        number(needle), elements.stream().map(this::number).toArray(NumberNode[]::new));
            default -> fail();
        };
    }

    private NumberNode number(CelExpr e) {
        switch (e.getKind()) {
            case CONSTANT:
                CelConstant c = e.constant();
                return switch (c.getKind()) {
                    case DOUBLE_VALUE -> new Arithmetic.Constant(c.doubleValue());
                    case INT64_VALUE -> new Arithmetic.Constant(c.int64Value());
                    default -> fail();
                };
            case IDENT:
                return new Arithmetic.Variable(slot(e, VarType.NUMBER));
            case CALL:
                return numberCall(e, e.call());
            default:
                throw NOT_NATIVE;
        }
    }

    private NumberNode numberCall(CelExpr e, CelCall call) {
        List<CelExpr> args = call.args();
        if (call.target().isPresent()) {
            return call.function().equals("size") && args.isEmpty()
                    ? size(call.target().get())
                    : fail();
        }
        // int-only arithmetic keeps CEL's int semantics (overflow and division errors): the runtime has them
        boolean dbl = type(e).kind() == CelKind.DOUBLE;
        return switch (call.function()) {
            case "_+_" -> dbl ? new Arithmetic.Add(number(args.get(0)), number(args.get(1))) : fail();
            case "_-_" -> dbl ? new Arithmetic.Subtract(number(args.get(0)), number(args.get(1))) : fail();
            case "_*_" -> dbl ? new Arithmetic.Multiply(number(args.get(0)), number(args.get(1))) : fail();
            case "_/_" -> dbl ? new Arithmetic.Divide(number(args.get(0)), number(args.get(1))) : fail();
            case "_%_" -> dbl ? new Arithmetic.Modulo(number(args.get(0)), number(args.get(1))) : fail();
            case "-_" -> dbl ? new Arithmetic.Negate(number(args.get(0))) : fail();
            case "abs" -> dbl ? new Arithmetic.Abs(number(args.get(0))) : fail();
            case "min", "max" ->
                new Arithmetic.Extreme(
                        args.stream().map(this::number).toArray(NumberNode[]::new),
                        call.function().equals("min"));
            case "double" -> isNumber(args.get(0)) ? number(args.get(0)) : fail();
            case "int" -> toInt(args.get(0));
            case "size" -> args.size() == 1 ? size(args.get(0)) : fail();
            case "_?_:_" -> new Arithmetic.Choice(bool(args.get(0)), number(args.get(1)), number(args.get(2)));
            default -> fail();
        };
    }

    private NumberNode toInt(CelExpr operand) {
        return switch (type(operand).kind()) {
            case DOUBLE -> new Arithmetic.Truncate(number(operand));
            case INT -> number(operand);
            default -> fail();
        };
    }

    private NumberNode size(CelExpr operand) {
        return switch (kind(operand)) {
            case TEXT -> new Arithmetic.TextSize(text(operand));
            case TEXT_LIST ->
                operand.getKind() == CelExpr.ExprKind.Kind.IDENT
                        ? new Arithmetic.ListSize(slot(operand, VarType.TEXT_LIST))
                        : fail();
            default -> fail();
        };
    }

    private TextNode text(CelExpr e) {
        switch (e.getKind()) {
            case CONSTANT:
                if (e.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                    return new Texts.Constant(e.constant().stringValue());
                }
                throw NOT_NATIVE;
            case IDENT:
                return new Texts.Variable(slot(e, VarType.TEXT));
            case CALL:
                CelCall call = e.call();
                List<CelExpr> args = call.args();
                if (call.target().isPresent()) {
                    throw NOT_NATIVE;
                }
                if (call.function().equals("_+_") && kind(e) == Kind.TEXT) {
                    return new Texts.Concat(text(args.get(0)), text(args.get(1)));
                }
                if (call.function().equals("_?_:_")) {
                    return new Texts.Choice(bool(args.get(0)), text(args.get(1)), text(args.get(2)));
                }
                throw NOT_NATIVE;
            default:
                throw NOT_NATIVE;
        }
    }

    private int slot(CelExpr ident, VarType type) {
        int slot = vocabulary.slot(ident.ident().name());
        if (slot < 0 || vocabulary.type(slot) != type) {
            throw NOT_NATIVE; // e.g. a comprehension's own variable
        }
        return slot;
    }

    private boolean isNumber(CelExpr e) {
        return kind(e) == Kind.NUMBER;
    }

    private CelType type(CelExpr e) {
        return ast.getType(e.id()).orElseThrow(() -> NOT_NATIVE);
    }

    private Kind kind(CelExpr e) {
        CelType t = type(e);
        return switch (t.kind()) {
            case DOUBLE, INT -> Kind.NUMBER;
            case BOOL -> Kind.BOOL;
            case STRING -> Kind.TEXT;
            case NULL_TYPE -> Kind.NULL;
            case LIST ->
                t instanceof ListType l && l.hasElemType() && l.elemType().kind() == CelKind.STRING
                        ? Kind.TEXT_LIST
                        : Kind.OTHER;
            default -> Kind.OTHER;
        };
    }

    private static <T> T fail() {
        throw NOT_NATIVE;
    }
}
