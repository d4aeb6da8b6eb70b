package org.cityos.catalog.theme.web;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.catalog.theme.RowPage;
import org.cityos.catalog.theme.RowQuery;
import org.cityos.catalog.theme.Theme;
import org.cityos.catalog.theme.ThemeDraft;
import org.cityos.catalog.theme.ThemeRefresh;
import org.cityos.catalog.theme.ThemeSource;
import org.cityos.catalog.theme.Themes;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Theme databases: sources, themes with their tables (ETag = version, If-Match to change), refreshes and rows.
 * Every query parameter of the rows request other than {@code sort order after offset limit} is an equality
 * filter on the output column of its name.
 */
@RestController
@RequestMapping(path = "/api/themes", produces = MediaType.APPLICATION_JSON_VALUE)
public class ThemeController {
    private static final Set<String> PAGING = Set.of("sort", "order", "after", "offset", "limit");

    private final Themes themes;

    public ThemeController(Themes themes) {
        this.themes = themes;
    }

    @GetMapping
    public List<Theme> list(Actor actor) {
        return themes.list(actor);
    }

    @GetMapping("/sources")
    public List<ThemeSource> sources(Actor actor) {
        return themes.sources(actor);
    }

    @GetMapping("/{code}")
    public ResponseEntity<Theme> get(Actor actor, @PathVariable String code) {
        return tagged(ResponseEntity.ok(), themes.get(actor, code));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Theme> define(Actor actor, @RequestBody ThemeDraft draft) {
        Theme theme = themes.define(actor, draft);
        return tagged(
                ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/themes/" + theme.code())), theme);
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Theme> change(
            Actor actor,
            @PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ThemeDraft draft) {
        return tagged(ResponseEntity.ok(), themes.change(actor, code, version(ifMatch), draft));
    }

    @PostMapping("/{code}/refresh")
    public List<ThemeRefresh> refresh(Actor actor, @PathVariable String code) {
        return themes.refresh(actor, code);
    }

    @GetMapping("/{code}/refreshes")
    public List<ThemeRefresh> refreshes(
            Actor actor, @PathVariable String code, @RequestParam(defaultValue = "50") int limit) {
        return themes.refreshes(actor, code, limit);
    }

    @GetMapping("/{code}/tables/{table}/rows")
    public RowPage rows(
            Actor actor,
            @PathVariable String code,
            @PathVariable String table,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "asc") String order,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam Map<String, String> params) {
        if (!order.equals("asc") && !order.equals("desc")) {
            throw InvalidInput.of("order", "theme.validation.one-of", "asc, desc");
        }
        Map<String, String> equals = new HashMap<>(params);
        equals.keySet().removeAll(PAGING);
        return themes.rows(actor, code, table, new RowQuery(equals, sort, order.equals("desc"), after, offset, limit));
    }

    /** The version in an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}); a 400 when missing or bad. */
    static int version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw InvalidInput.of("If-Match", "theme.validation.version-required");
        }
        try {
            return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("If-Match", "theme.validation.version-required");
        }
    }

    private static ResponseEntity<Theme> tagged(ResponseEntity.BodyBuilder builder, Theme theme) {
        return builder.eTag("\"" + theme.version() + "\"").body(theme);
    }
}
