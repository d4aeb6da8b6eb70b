package org.cityos.alerting.internal.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Variables a condition may name, each with a type and a slot index (its position of declaration). */
public final class Vocabulary {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** CEL's literals, operators and reserved words cannot name a variable. */
    private static final Set<String> RESERVED = Set.of(
            "true",
            "false",
            "null",
            "in",
            "as",
            "break",
            "const",
            "continue",
            "else",
            "for",
            "function",
            "if",
            "import",
            "let",
            "loop",
            "package",
            "namespace",
            "return",
            "var",
            "void",
            "while");

    private final List<String> names;
    private final VarType[] types;
    private final Map<String, Integer> slots;

    private Vocabulary(List<String> names, List<VarType> types) {
        this.names = List.copyOf(names);
        this.types = types.toArray(VarType[]::new);
        Map<String, Integer> s = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            s.put(names.get(i), i);
        }
        this.slots = Collections.unmodifiableMap(s);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The slot of a variable, or -1 when it is not declared. */
    public int slot(String name) {
        Integer s = slots.get(name);
        return s == null ? -1 : s;
    }

    /** Names in slot order. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** The type of a variable, or null when it is not declared. */
    public VarType type(String name) {
        int s = slot(name);
        return s < 0 ? null : types[s];
    }

    VarType type(int slot) {
        return types[slot];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && names.equals(v.names) && Arrays.equals(types, v.types);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.hashCode(types);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Vocabulary[");
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i)).append(':').append(types[i]);
        }
        return b.append(']').toString();
    }

    /** Declares variables in slot order; a name is a CEL identifier, declared once. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<VarType> types = new ArrayList<>();

        private Builder() {}

        public Builder number(String name) {
            return add(name, VarType.NUMBER);
        }

        public Builder bool(String name) {
            return add(name, VarType.BOOL);
        }

        public Builder text(String name) {
            return add(name, VarType.TEXT);
        }

        public Builder textList(String name) {
            return add(name, VarType.TEXT_LIST);
        }

        public Vocabulary build() {
            return new Vocabulary(names, types);
        }

        private Builder add(String name, VarType type) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "a variable name is letters, digits and '_', not starting with a digit: " + name);
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is reserved in CEL and cannot name a variable");
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("variable declared twice: " + name);
            }
            names.add(name);
            types.add(type);
            return this;
        }
    }
}
