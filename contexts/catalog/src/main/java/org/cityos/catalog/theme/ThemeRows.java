package org.cityos.catalog.theme;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityos.catalog.theme.Theme.Column;
import org.cityos.catalog.theme.ThemeProblems.UnknownThemeTable;
import org.cityos.catalog.theme.ThemeStore.Stored;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.dao.DataAccessException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a page of a theme table: equality filters and sort on its output columns, offset paging, and keyset
 * paging in key order (the key's columns are never null, so a cursor of their values always finds its place).
 * A table with a scope column shows a reader only the rows of its divisions.
 */
class ThemeRows {
    private static final TypeReference<List<String>> CURSOR = new TypeReference<>() {};

    private final ViewStore views;
    private final JsonMapper json;

    ThemeRows(ViewStore views, JsonMapper json) {
        this.views = views;
        this.json = json;
    }

    RowPage read(Actor actor, Stored theme, String tableName, RowQuery q) {
        TableSpec table = theme.tables().stream()
                .filter(t -> t.name().equals(tableName))
                .findFirst()
                .orElseThrow(() -> new UnknownThemeTable(theme.code(), tableName));
        String view = ViewCompiler.viewName(theme.code(), table.name());
        Map<String, String> types = new LinkedHashMap<>();
        for (Column c : views.columns(view)) {
            types.put(c.name(), c.type());
        }
        if (q.limit() < 1 || q.limit() > RowQuery.MAX_LIMIT) {
            throw InvalidInput.of("limit", "theme.validation.limit", RowQuery.MAX_LIMIT);
        }
        if (q.offset() < 0) {
            throw InvalidInput.of("offset", "theme.validation.offset");
        }
        for (String column : q.equals().keySet()) {
            if (!types.containsKey(column)) {
                throw InvalidInput.of(column, "theme.validation.unknown-output", column);
            }
        }
        if (q.sort() != null && !types.containsKey(q.sort())) {
            throw InvalidInput.of("sort", "theme.validation.unknown-output", q.sort());
        }
        boolean keyOrder = q.sort() == null || table.key().contains(q.sort());
        List<String> order = new ArrayList<>();
        if (q.sort() != null) {
            order.add(q.sort());
        }
        table.key().stream().filter(k -> !order.contains(k)).forEach(order::add);
        List<String> after = null;
        if (q.after() != null) {
            if (!keyOrder) {
                throw InvalidInput.of("after", "theme.validation.after-key-order");
            }
            after = decode(q.after(), order.size());
            if (q.offset() != 0) {
                throw InvalidInput.of("offset", "theme.validation.offset-after");
            }
        }
        List<String> prefixes = table.scopeColumn() == null || actor.isSystem()
                ? null
                : actor.divisions().stream().map(DivisionCode::prefix).toList();
        List<Map<String, Object>> rows;
        try {
            rows = views.rows(
                    view,
                    types,
                    q.equals(),
                    table.scopeColumn(),
                    prefixes,
                    order,
                    q.descending(),
                    after,
                    q.offset(),
                    q.limit());
        } catch (DataAccessException e) {
            // A value that is not of its column's type (a word for a number, a bad date, a forged cursor).
            if (Themes.sqlState(e).startsWith("22")) {
                throw InvalidInput.of("filter", "theme.validation.filter-value");
            }
            throw e;
        }
        boolean full = rows.size() == q.limit();
        String next = full && keyOrder ? encode(rows.get(rows.size() - 1), order) : null;
        Integer nextOffset = full && after == null ? q.offset() + q.limit() : null;
        return new RowPage(rows, next, nextOffset);
    }

    private String encode(Map<String, Object> last, List<String> order) {
        List<String> values =
                order.stream().map(c -> String.valueOf(last.get(c))).toList();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.writeValueAsString(values).getBytes(StandardCharsets.UTF_8));
    }

    private List<String> decode(String cursor, int size) {
        try {
            List<String> values =
                    json.readValue(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8), CURSOR);
            if (values == null || values.size() != size || values.contains(null)) {
                throw InvalidInput.of("after", "theme.validation.cursor");
            }
            return values;
        } catch (IllegalArgumentException | JacksonException e) {
            throw InvalidInput.of("after", "theme.validation.cursor");
        }
    }
}
