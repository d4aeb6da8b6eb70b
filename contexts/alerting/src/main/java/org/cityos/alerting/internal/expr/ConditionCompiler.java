package org.cityos.alerting.internal.expr;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.CelVarDecl;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a condition with cel-java's parser and type checker, then compiles it into the native tree, or, for what
 * the tree does not cover, into a cel-java runtime program behind the same {@link Condition}. Immutable after
 * construction: one instance is shared by every thread.
 */
public final class ConditionCompiler {
    private static final Logger log = LoggerFactory.getLogger(ConditionCompiler.class);

    /** Compilers with a vocabulary's variables declared; vocabularies are few (one per device type or so). */
    private static final int MAX_CACHED = 256;

    private final CelCompiler base;
    private final CelRuntime runtime;
    private final Map<Vocabulary, CelCompiler> compilers = new ConcurrentHashMap<>();

    public ConditionCompiler() {
        base = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(ConditionLanguage.OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addFunctionDeclarations(ConditionLanguage.declarations())
                .build();
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(ConditionLanguage.OPTIONS)
                .addFunctionBindings(ConditionLanguage.bindings())
                .build();
    }

    /**
     * Compiles a condition over a vocabulary.
     *
     * @throws ConditionRejected when the condition is empty, does not parse, names an undeclared variable, does
     *     not type-check, gives something else than true/false, or holds a regular expression RE2 refuses
     */
    public Condition compile(String source, Vocabulary vocabulary) {
        CelAbstractSyntaxTree ast = check(source, vocabulary);
        Set<String> reads = reads(ast, vocabulary);
        BoolNode root = NativeTranslator.translate(ast, vocabulary);
        if (root != null) {
            return new NativeCondition(source, vocabulary, reads, root);
        }
        log.debug("Condition runs on cel-java's runtime (not covered by the native tree): {}", source);
        return onRuntime(source, vocabulary, ast, reads);
    }

    /**
     * Both evaluators of one checked condition, {@code [native or null, runtime]}: the runtime is the reference the
     * native tree is tested against.
     */
    Condition[] compileBothWays(String source, Vocabulary vocabulary) {
        CelAbstractSyntaxTree ast = check(source, vocabulary);
        Set<String> reads = reads(ast, vocabulary);
        BoolNode root = NativeTranslator.translate(ast, vocabulary);
        return new Condition[] {
            root == null ? null : new NativeCondition(source, vocabulary, reads, root),
            onRuntime(source, vocabulary, ast, reads)
        };
    }

    private Condition onRuntime(String source, Vocabulary vocabulary, CelAbstractSyntaxTree ast, Set<String> reads) {
        try {
            return new RuntimeCondition(source, vocabulary, reads, runtime.createProgram(ast));
        } catch (CelEvaluationException e) {
            throw new ConditionRejected(source, 1, 1, CelMessages.clean(e.getMessage()));
        }
    }

    private CelAbstractSyntaxTree check(String source, Vocabulary vocabulary) {
        Objects.requireNonNull(vocabulary, "vocabulary");
        if (source == null || source.isBlank()) {
            throw new ConditionRejected(source == null ? "" : source, 1, 1, "the condition is empty");
        }
        CelAbstractSyntaxTree ast;
        try {
            CelValidationResult parsed = base.parse(source);
            if (parsed.hasError()) {
                throw rejected(source, parsed.getErrors());
            }
            CelValidationResult checked = compiler(vocabulary).check(LiteralWidening.widen(ast(parsed)));
            if (checked.hasError()) {
                throw rejected(source, checked.getErrors());
            }
            ast = ast(checked);
        } catch (ConditionRejected e) {
            throw e;
        } catch (RuntimeException e) {
            // a cel-java defect must not turn an author's input into a server error
            log.warn("cel-java failed on a condition; refused: {}", source, e);
            throw new ConditionRejected(source, 1, 1, "the condition cannot be checked");
        }
        CelType result = ast.getResultType();
        if (result.kind() != CelKind.BOOL) {
            throw rejectedAt(
                    source, ast, ast.getExpr(), "a condition must be true or false, this gives " + describe(result));
        }
        requireValidPatterns(source, ast);
        return ast;
    }

    private CelCompiler compiler(Vocabulary vocabulary) {
        CelCompiler c = compilers.get(vocabulary);
        if (c == null) {
            List<CelVarDecl> vars = new ArrayList<>();
            for (String name : vocabulary.names()) {
                vars.add(CelVarDecl.newVarDeclaration(name, ConditionLanguage.celType(vocabulary.type(name))));
            }
            c = base.toCompilerBuilder().addVarDeclarations(vars).build();
            if (compilers.size() >= MAX_CACHED) {
                compilers.clear();
            }
            compilers.putIfAbsent(vocabulary, c);
        }
        return c;
    }

    /** A pattern RE2 cannot compile, or a huge one, is refused at save, not found failing on the first event. */
    private static void requireValidPatterns(String source, CelAbstractSyntaxTree ast) {
        CelNavigableExpr.fromExpr(ast.getExpr()).allNodes().forEach(n -> {
            CelExpr e = n.expr();
            if (e.getKind() != CelExpr.ExprKind.Kind.CALL
                    || !e.call().function().equals("matches")) {
                return;
            }
            List<CelExpr> args = e.call().args();
            CelExpr pattern = e.call().target().isPresent() ? args.get(0) : args.get(args.size() - 1);
            if (pattern.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                    && pattern.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                Pattern compiled;
                try {
                    compiled = Pattern.compile(pattern.constant().stringValue());
                } catch (PatternSyntaxException ex) {
                    throw rejectedAt(source, ast, pattern, "invalid regular expression: " + ex.getDescription());
                }
                if (compiled.programSize() > ConditionLanguage.MAX_REGEX_PROGRAM) {
                    throw rejectedAt(source, ast, pattern, "regular expression too large");
                }
            }
        });
    }

    /** Variables the condition names, in slot order. */
    private static Set<String> reads(CelAbstractSyntaxTree ast, Vocabulary vocabulary) {
        boolean[] read = new boolean[vocabulary.size()];
        CelNavigableExpr.fromExpr(ast.getExpr()).allNodes().forEach(n -> {
            if (n.expr().getKind() == CelExpr.ExprKind.Kind.IDENT) {
                int slot = vocabulary.slot(n.expr().ident().name());
                if (slot >= 0) {
                    read[slot] = true;
                }
            }
        });
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < read.length; i++) {
            if (read[i]) {
                names.add(vocabulary.names().get(i));
            }
        }
        return Collections.unmodifiableSet(names);
    }

    private static CelAbstractSyntaxTree ast(CelValidationResult result) {
        try {
            return result.getAst();
        } catch (CelValidationException e) {
            throw new IllegalStateException("a result without errors has an AST", e);
        }
    }

    private static ConditionRejected rejected(String source, List<CelIssue> issues) {
        CelIssue first = issues.stream()
                .min(Comparator.comparing(CelIssue::getSourceLocation))
                .orElseThrow();
        CelSourceLocation at = first.getSourceLocation();
        return at.getLine() < 1
                ? new ConditionRejected(source, 1, 1, CelMessages.clean(first.getMessage()))
                : new ConditionRejected(
                        source, at.getLine(), at.getColumn() + 1, CelMessages.clean(first.getMessage()));
    }

    private static ConditionRejected rejectedAt(String source, CelAbstractSyntaxTree ast, CelExpr e, String reason) {
        CelSource s = ast.getSource();
        Integer offset = s.getPositionsMap().get(e.id());
        CelSourceLocation at =
                offset == null ? null : s.getOffsetLocation(offset).orElse(null);
        return at == null
                ? new ConditionRejected(source, 1, 1, reason)
                : new ConditionRejected(source, at.getLine(), at.getColumn() + 1, reason);
    }

    private static String describe(CelType type) {
        return switch (type.kind()) {
            case DOUBLE, INT, UINT -> "a number";
            case STRING -> "text";
            case LIST -> "a list";
            case MAP -> "a map";
            case NULL_TYPE -> "null";
            default -> type.name();
        };
    }
}
