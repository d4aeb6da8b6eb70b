package org.cityos.iot.internal.normalise;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.iot.PayloadMapping;
import org.cityos.iot.PayloadMapping.Rule;
import tools.jackson.core.JsonPointer;

/**
 * A {@link PayloadMapping} prepared for one device-type version: paths compiled, properties resolved and
 * units folded into one {@link Conversion} per rule. Built once and cached, since devices reuse few mappings.
 */
final class CompiledMapping {
    private static final int MAX_CACHED = 4096;
    private static final Map<Key, CompiledMapping> CACHE = new ConcurrentHashMap<>();

    /** One value rule, ready to apply. */
    record Step(JsonPointer pointer, String column, Slot slot, Conversion conversion) {}

    private record Key(String type, PayloadMapping mapping) {}

    final JsonPointer items;
    final JsonPointer timePointer;
    final String timeColumn;
    final TimeFormat time;
    final List<Step> steps;

    private CompiledMapping(PayloadMapping m, TypeVocabulary vocabulary) {
        try {
            items = m.items() == null ? null : MappingReader.pointer(m.items());
            String timePath = m.timestamp() == null ? null : m.timestamp().path();
            timePointer = timePath == null ? null : MappingReader.pointer(timePath);
            timeColumn = timePath == null ? null : column(timePath);
            time = m.timestamp() == null
                    ? TimeFormat.AUTO
                    : MappingReader.timeFormat(
                            m.timestamp().format(), m.timestamp().zone());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new PayloadProblem("mapping: " + e.getMessage());
        }
        List<Step> out = new ArrayList<>();
        for (Rule r : m.properties()) {
            Slot slot = vocabulary.byName(r.property());
            if (slot == null) {
                throw new PayloadProblem("mapping: the device type has no property " + r.property());
            }
            out.add(new Step(pointer(r.path()), column(r.path()), slot, conversion(r, slot)));
        }
        steps = List.copyOf(out);
    }

    static CompiledMapping of(PayloadMapping mapping, TypeVocabulary vocabulary) {
        Key key = new Key(vocabulary.key(), mapping);
        CompiledMapping c = CACHE.get(key);
        if (c == null) {
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            c = new CompiledMapping(mapping, vocabulary);
            CACHE.putIfAbsent(key, c);
        }
        return c;
    }

    /** The rule for a CSV column, or null. */
    Step byColumn(String column) {
        for (Step s : steps) {
            if (s.column.equals(column)) {
                return s;
            }
        }
        return null;
    }

    private static Conversion conversion(Rule r, Slot slot) {
        if (r.unit() == null) {
            return r.scale() == 1 && r.offset() == 0
                    ? Conversion.IDENTITY
                    : Conversion.of(r.scale(), r.offset(), null, null);
        }
        String problem = MappingRules.unitProblem(r.unit(), slot.property());
        if (problem != null) {
            throw new PayloadProblem("mapping: unit " + r.unit() + " does not convert to "
                    + slot.property().unit() + " of " + slot.name());
        }
        Unit from = Units.find(r.unit()).orElse(null);
        return Conversion.of(r.scale(), r.offset(), from, slot.unit());
    }

    private static JsonPointer pointer(String path) {
        try {
            return MappingReader.pointer(path);
        } catch (IllegalArgumentException e) {
            throw new PayloadProblem("mapping: " + PayloadProblem.quote(path) + " is not a path");
        }
    }

    /** A rule path names a CSV column as itself or as a one-step pointer ({@code /pm25}). */
    private static String column(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
