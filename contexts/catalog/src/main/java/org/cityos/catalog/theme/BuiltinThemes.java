package org.cityos.catalog.theme;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.catalog.theme.TableSpec.ColumnSpec;
import org.cityos.catalog.theme.TableSpec.FilterSpec;
import org.cityos.catalog.theme.ThemeProblems.ThemeExists;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two themes every installation starts with: city operation (城市运行) and credit (信用). Seeded once at
 * startup, each with the tables whose sources this installation has; a theme that exists is left as it is, so
 * changes made to it survive restarts, and two nodes starting together create it once.
 */
public class BuiltinThemes {
    private static final Logger log = LoggerFactory.getLogger(BuiltinThemes.class);
    private static final Actor SEEDER = Actor.system("catalog-themes");

    private final Themes themes;
    private final ViewStore views;
    private final ThemeStore store;

    BuiltinThemes(Themes themes, ViewStore views, ThemeStore store) {
        this.themes = themes;
        this.views = views;
        this.store = store;
    }

    /** Creates the built-in themes that do not exist yet; returns the codes created. */
    public List<String> seed() {
        Set<String> available = views.sources().stream().map(ThemeSource::name).collect(Collectors.toSet());
        return List.of(cityOperation(), credit()).stream()
                .filter(d -> store.find(d.code()).isEmpty())
                .map(d -> new ThemeDraft(
                        d.code(),
                        d.nameZh(),
                        d.nameEn(),
                        d.description(),
                        d.ownerDepartment(),
                        d.refreshInterval(),
                        d.status(),
                        d.tables().stream()
                                .filter(t -> available.contains(t.source()))
                                .toList()))
                .filter(d -> !d.tables().isEmpty())
                .filter(this::define)
                .map(ThemeDraft::code)
                .toList();
    }

    private boolean define(ThemeDraft draft) {
        try {
            themes.define(SEEDER, draft, true);
            log.info(
                    "Built-in theme {} created with {} tables",
                    draft.code(),
                    draft.tables().size());
            return true;
        } catch (ThemeExists e) {
            return false;
        } catch (DomainProblem e) {
            log.warn("Built-in theme {} not created: {}", draft.code(), e.toString());
            return false;
        }
    }

    static ThemeDraft cityOperation() {
        return new ThemeDraft(
                "cityops",
                "城市运行",
                "City operation",
                "案件、告警、设备与空气质量的运行态势，按日、区划与类别汇总。",
                "economy-it",
                "PT1H",
                "ACTIVE",
                List.of(
                        new TableSpec(
                                "cases_daily",
                                "每日案件",
                                "casework.cases",
                                List.of(
                                        bucket("received_at", "day", "day"),
                                        orElse("division_code", "division", ""),
                                        orElse("category_code", "category", "unclassified"),
                                        count("cases"),
                                        agg("sum", "resolution_overdue", "overdue"),
                                        agg("sum", "response_overdue", "response_overdue"),
                                        agg("count", "closed_at", "closed")),
                                List.of(new FilterSpec("received_at", "within", "P400D", null)),
                                "division",
                                List.of("day", "division", "category")),
                        new TableSpec(
                                "alarms_daily",
                                "每日告警",
                                "alerting.alarms",
                                List.of(
                                        bucket("raised_at", "day", "day"),
                                        orElse("division", "division", ""),
                                        plain("severity", "severity"),
                                        count("alarms"),
                                        agg("count", "cleared_at", "cleared")),
                                List.of(new FilterSpec("raised_at", "within", "P400D", null)),
                                "division",
                                List.of("day", "division", "severity")),
                        new TableSpec(
                                "devices",
                                "设备分布",
                                "iot.devices",
                                List.of(
                                        plain("type_code", "type"),
                                        plain("division", "division"),
                                        plain("state", "state"),
                                        count("devices")),
                                List.of(),
                                "division",
                                List.of("type", "division", "state")),
                        new TableSpec(
                                "air_hourly",
                                "空气质量逐小时",
                                "iot.telemetry.hourly",
                                List.of(
                                        plain("hour", "hour"),
                                        plain("division", "division"),
                                        plain("property", "property"),
                                        agg("avg", "average", "average"),
                                        agg("max", "highest", "highest"),
                                        agg("sum", "readings", "readings"),
                                        agg("count_distinct", "device_id", "stations")),
                                List.of(
                                        new FilterSpec(
                                                "type_code",
                                                "in",
                                                null,
                                                List.of("air-quality-station", "air-micro-station", "dust-monitor")),
                                        new FilterSpec(
                                                "property", "in", null, List.of("aqi", "pm25", "pm10", "o3", "no2")),
                                        new FilterSpec("hour", "within", "P7D", null)),
                                "division",
                                List.of("hour", "division", "property"))));
    }

    static ThemeDraft credit() {
        return new ThemeDraft(
                "credit",
                "信用",
                "Credit",
                "市场主体的公开登记信息：按行业、状态与区划统计，以及按统一社会信用代码的名录。",
                "market-regulation",
                "P1D",
                "ACTIVE",
                List.of(
                        new TableSpec(
                                "organisations_by_industry",
                                "市场主体按行业统计",
                                "basedata.organisations",
                                List.of(
                                        orElse("industry", "industry", "unknown"),
                                        orElse("status", "status", "unknown"),
                                        orElse("division", "division", ""),
                                        count("organisations")),
                                List.of(),
                                "division",
                                List.of("industry", "status", "division")),
                        new TableSpec(
                                "organisations",
                                "市场主体名录",
                                "basedata.organisations",
                                List.of(
                                        plain("credit_code", "credit_code"),
                                        orElse("division", "division", ""),
                                        agg("min", "name", "name"),
                                        agg("min", "industry", "industry"),
                                        agg("min", "status", "status"),
                                        count("records")),
                                List.of(),
                                "division",
                                List.of("credit_code", "division"))));
    }

    private static ColumnSpec plain(String column, String as) {
        return new ColumnSpec(column, as, null, null, null);
    }

    private static ColumnSpec orElse(String column, String as, String ifNull) {
        return new ColumnSpec(column, as, null, null, ifNull);
    }

    private static ColumnSpec bucket(String column, String bucket, String as) {
        return new ColumnSpec(column, as, null, bucket, null);
    }

    private static ColumnSpec count(String as) {
        return new ColumnSpec(null, as, "count", null, null);
    }

    private static ColumnSpec agg(String aggregate, String column, String as) {
        return new ColumnSpec(column, as, aggregate, null, null);
    }
}
