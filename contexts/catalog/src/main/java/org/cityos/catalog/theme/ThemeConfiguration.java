package org.cityos.catalog.theme;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.catalog.Catalog;
import org.cityos.identity.Departments;
import org.cityos.jobs.PeriodicJob;
import org.cityos.kernel.DepartmentCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Assembles theme databases beside the catalogue: stores, refresher, facade, schedule and built-in seeding. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThemeProperties.class)
public class ThemeConfiguration {

    @Bean
    Themes themes(
            DataSource dataSource,
            AuditTrail audit,
            Departments departments,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<Catalog> catalog,
            ThemeProperties properties) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        JsonMapper json = JsonMapper.builder().build();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ThemeStore store = new ThemeStore(dataSource, json);
        ViewStore views = new ViewStore(dataSource);
        ThemeRefresher refresher = new ThemeRefresher(
                store, views, tx, time, properties.refreshTimeout(), meters.getIfAvailable(SimpleMeterRegistry::new));
        return new Themes(
                store,
                views,
                // Uploaded rows are sources only where the catalogue runs beside themes (always, in the app).
                catalog.getIfAvailable() == null ? null : new ImportedSources(dataSource, catalog.getIfAvailable()),
                new ViewCompiler(properties.zone()),
                refresher,
                new ThemeRows(views, json),
                audit,
                tx,
                code -> isDepartment(departments, code),
                time);
    }

    @Bean
    BuiltinThemes builtinThemes(Themes themes, DataSource dataSource) {
        JsonMapper json = JsonMapper.builder().build();
        return new BuiltinThemes(themes, new ViewStore(dataSource), new ThemeStore(dataSource, json));
    }

    /**
     * Seeds the built-in themes once the application runs: after the migrations, and after identity's bootstrap
     * (an earlier runner) has loaded the departments the themes are owned by.
     */
    @Bean
    ApplicationRunner builtinThemeSeeding(BuiltinThemes builtins, ThemeProperties properties) {
        return arguments -> {
            if (properties.builtins()) {
                builtins.seed();
            }
        };
    }

    /** Every {@code tick} asks which tables are due; each table's own lock keeps its refresh to one node. */
    @Bean
    PeriodicJob themeSchedule(Themes themes, ThemeProperties properties) {
        return PeriodicJob.every("cityos-catalog-themes", properties.tick(), themes::refreshDue)
                .startingIf(properties.scheduleEnabled());
    }

    private static boolean isDepartment(Departments departments, String code) {
        try {
            return departments.exists(DepartmentCode.of(code));
        } catch (DepartmentCode.InvalidDepartmentCode e) {
            return false;
        }
    }
}
