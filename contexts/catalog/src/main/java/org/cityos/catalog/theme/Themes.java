package org.cityos.catalog.theme;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.cityos.audit.AuditTrail;
import org.cityos.catalog.theme.SpecValidation.Valid;
import org.cityos.catalog.theme.Theme.ThemeStatus;
import org.cityos.catalog.theme.Theme.ThemeTable;
import org.cityos.catalog.theme.ThemeProblems.ThemeExists;
import org.cityos.catalog.theme.ThemeProblems.UnknownTheme;
import org.cityos.catalog.theme.ThemeRefresh.Outcome;
import org.cityos.catalog.theme.ThemeRefresh.Trigger;
import org.cityos.catalog.theme.ThemeStore.Stored;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Theme databases. CATALOG_READ lists themes and reads their rows (a table with a scope column only within the
 * reader's divisions); CATALOG_WRITE of the owner department defines, changes and refreshes them. Saving a
 * definition builds its tables' views in the same transaction, so a theme is never stored without its data.
 */
public class Themes {
    private static final Logger log = LoggerFactory.getLogger(Themes.class);
    private static final String TARGET = "catalog.theme";

    private final ThemeStore store;
    private final ViewStore views;
    private final ImportedSources imported;
    private final ViewCompiler compiler;
    private final ThemeRefresher refresher;
    private final ThemeRows rows;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Predicate<String> isDepartment;
    private final Clock clock;

    Themes(
            ThemeStore store,
            ViewStore views,
            ImportedSources imported,
            ViewCompiler compiler,
            ThemeRefresher refresher,
            ThemeRows rows,
            AuditTrail audit,
            TransactionTemplate transactions,
            Predicate<String> isDepartment,
            Clock clock) {
        this.store = store;
        this.views = views;
        this.imported = imported;
        this.compiler = compiler;
        this.refresher = refresher;
        this.rows = rows;
        this.audit = audit;
        this.transactions = transactions;
        this.isDepartment = isDepartment;
        this.clock = clock;
    }

    /** The sources a theme table may read, with their columns' types: the allow-list's, then uploaded rows. */
    public List<ThemeSource> sources(Actor actor) {
        actor.require(Permission.CATALOG_READ);
        return sources();
    }

    private List<ThemeSource> sources() {
        List<ThemeSource> all = new ArrayList<>(views.sources());
        if (imported != null) {
            all.addAll(imported.sources());
        }
        return all;
    }

    public List<Theme> list(Actor actor) {
        actor.require(Permission.CATALOG_READ);
        return store.all().stream().map(this::theme).toList();
    }

    public Theme get(Actor actor, String code) {
        actor.require(Permission.CATALOG_READ);
        return theme(stored(code));
    }

    /** Validates the draft, stores it as version 1 and builds its tables with their first rows. */
    public Theme define(Actor actor, ThemeDraft draft) {
        return define(actor, draft, false);
    }

    Theme define(Actor actor, ThemeDraft draft, boolean builtin) {
        actor.require(Permission.CATALOG_WRITE);
        Valid v = validate(actor, draft);
        transactions.executeWithoutResult(status -> {
            Instant at = now();
            if (!store.insert(v, builtin, actor.id(), at)) {
                throw new ThemeExists(v.code());
            }
            for (int i = 0; i < v.tables().size(); i++) {
                build(v, i, 1, at);
            }
            audit.record(
                    actor,
                    "catalog.theme.define",
                    TARGET,
                    v.code(),
                    Map.of("tables", v.tables().size()));
        });
        return theme(stored(v.code()));
    }

    /**
     * Replaces the theme's definition when {@code expectedVersion} is still its version (else 409): tables whose
     * spec changed are rebuilt, removed ones dropped, unchanged ones keep their rows — all in one transaction.
     */
    public Theme change(Actor actor, String code, int expectedVersion, ThemeDraft draft) {
        actor.require(Permission.CATALOG_WRITE);
        Stored before = stored(code);
        actor.requireDepartment(DepartmentCode.of(before.ownerDepartment()));
        Valid v = validate(actor, withCode(draft, code));
        transactions.executeWithoutResult(status -> {
            Stored current = store.lock(code).orElseThrow(() -> new UnknownTheme(code));
            if (current.version() != expectedVersion) {
                throw new ConcurrentChange("theme", code);
            }
            int version = current.version() + 1;
            Instant at = now();
            store.update(v, version, actor.id(), at);
            Map<String, TableSpec> old = new HashMap<>();
            current.tables().forEach(t -> old.put(t.name(), t));
            for (int i = 0; i < v.tables().size(); i++) {
                TableSpec t = v.tables().get(i);
                if (!t.equals(old.remove(t.name()))) {
                    build(v, i, version, at);
                }
            }
            for (TableSpec gone : old.values()) {
                String view = ViewCompiler.viewName(code, gone.name());
                views.lock(view);
                views.drop(view);
            }
            audit.record(actor, "catalog.theme.change", TARGET, code, Map.of("version", version));
        });
        return theme(stored(code));
    }

    /** Refreshes every table of the theme now; one table's failure is recorded and the others still run. */
    public List<ThemeRefresh> refresh(Actor actor, String code) {
        actor.require(Permission.CATALOG_WRITE);
        Stored theme = stored(code);
        actor.requireDepartment(DepartmentCode.of(theme.ownerDepartment()));
        List<ThemeRefresh> done = new ArrayList<>();
        for (TableSpec t : theme.tables()) {
            done.add(refresher.refresh(theme, t, Trigger.DEMAND));
        }
        audit.record(actor, "catalog.theme.refresh", TARGET, code, Map.of("tables", done.size()));
        return done;
    }

    /** The theme's refreshes, newest first. */
    public List<ThemeRefresh> refreshes(Actor actor, String code, int limit) {
        actor.require(Permission.CATALOG_READ);
        stored(code);
        return store.refreshes(code, Math.max(1, Math.min(limit, 500)));
    }

    public RowPage rows(Actor actor, String code, String table, RowQuery query) {
        actor.require(Permission.CATALOG_READ);
        return rows.read(actor, stored(code), table, query);
    }

    /**
     * Refreshes every table of every active theme that is due by its theme's interval (by the injected clock);
     * returns how many were refreshed, failed ones included. Run by the schedule on every node: the views' locks
     * make each refresh happen on one node.
     */
    public int refreshDue() {
        int refreshed = 0;
        for (Stored theme : store.all()) {
            if (theme.status() != ThemeStatus.ACTIVE) {
                continue;
            }
            for (TableSpec t : theme.tables()) {
                try {
                    if (refresher.due(theme, t)) {
                        ThemeRefresh r = refresher.refreshIfDue(theme, t);
                        refreshed += r != null && r.outcome() != Outcome.BUSY ? 1 : 0;
                    }
                } catch (RuntimeException e) {
                    log.warn("Theme table {}.{} could not be refreshed: {}", theme.code(), t.name(), e.toString());
                }
            }
        }
        return refreshed;
    }

    private void build(Valid v, int index, int version, Instant at) {
        TableSpec t = v.tables().get(index);
        ThemeSource source = sources().stream()
                .filter(s -> s.name().equals(t.source()))
                .findFirst()
                .orElseThrow();
        ViewCompiler.Compiled compiled = compiler.compile(v.code(), t, source);
        views.lock(compiled.view());
        views.drop(compiled.view());
        try {
            compiled.statements().forEach(views::execute);
        } catch (DataAccessException e) {
            if ("23505".equals(sqlState(e))) {
                throw InvalidInput.of("tables[" + index + "].key", "theme.validation.key-not-unique", t.name());
            }
            throw e;
        }
        store.recordRefresh(new ThemeRefresh(
                0,
                v.code(),
                t.name(),
                version,
                Trigger.DEFINE,
                at,
                now(),
                views.count(compiled.view()),
                Outcome.OK,
                null));
    }

    private Valid validate(Actor actor, ThemeDraft draft) {
        Map<String, ThemeSource> sources = new HashMap<>();
        sources().forEach(s -> sources.put(s.name(), s));
        Valid v = SpecValidation.check(draft, name -> Optional.ofNullable(sources.get(name)));
        if (!isDepartment.test(v.ownerDepartment())) {
            throw InvalidInput.of("ownerDepartment", "theme.validation.unknown-department", v.ownerDepartment());
        }
        actor.requireDepartment(DepartmentCode.of(v.ownerDepartment()));
        return v;
    }

    private Stored stored(String code) {
        return store.find(code).orElseThrow(() -> new UnknownTheme(code));
    }

    private Theme theme(Stored s) {
        Map<String, ThemeRefresh> last = store.lastRefreshes(s.code());
        List<ThemeTable> tables = s.tables().stream()
                .map(t -> {
                    String view = ViewCompiler.viewName(s.code(), t.name());
                    return new ThemeTable(t.name(), t.title(), view, t, views.columns(view), last.get(t.name()));
                })
                .toList();
        return new Theme(
                s.code(),
                s.nameZh(),
                s.nameEn(),
                s.description(),
                s.ownerDepartment(),
                s.interval(),
                s.status(),
                s.builtin(),
                s.version(),
                s.changedBy(),
                s.changedAt(),
                tables);
    }

    private static ThemeDraft withCode(ThemeDraft d, String code) {
        return new ThemeDraft(
                code,
                d.nameZh(),
                d.nameEn(),
                d.description(),
                d.ownerDepartment(),
                d.refreshInterval(),
                d.status(),
                d.tables());
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
