package org.cityos.casework.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.cityos.casework.UnitRef;
import org.cityos.casework.persistence.DispatchRuleRepository;
import org.cityos.casework.persistence.IntakePolicyRepository;
import org.cityos.casework.persistence.IntakePolicyRepository.PolicyRow;
import org.cityos.kernel.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Fills empty dispatch-rule and intake-policy tables from the reference files at start, so that a fresh district
 * dispatches its hotline categories to the departments that answer for them (and street-order events to their
 * town's sub-centre) and turns the monitoring templates' alarms into cases. A row naming a unit or category this
 * deployment lacks is skipped with a warning. Tables that hold anything are left alone.
 */
public final class CaseworkSeed implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(CaseworkSeed.class);

    private final DispatchRuleRepository rules;
    private final IntakePolicyRepository policies;
    private final UnitDirectory units;
    private final Predicate<String> categories;
    private final Supplier<List<DivisionCode>> towns;
    private final boolean enabled;

    public CaseworkSeed(
            DispatchRuleRepository rules,
            IntakePolicyRepository policies,
            UnitDirectory units,
            Predicate<String> categories,
            Supplier<List<DivisionCode>> towns,
            boolean enabled) {
        this.rules = rules;
        this.policies = policies;
        this.units = units;
        this.categories = categories;
        this.towns = towns;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) {
            return;
        }
        if (rules.count() == 0) {
            int n = 0;
            for (String[] r : rows("casework/dispatch-rules.csv")) {
                n += rule(r[0], r[1], r[2], r.length > 3 ? r[3] : "", r.length > 4 && Boolean.parseBoolean(r[4]));
            }
            log.info("Seeded {} dispatch rules", n);
        }
        if (policies.all().isEmpty()) {
            int n = 0;
            for (String[] p : rows("casework/intake-policies.csv")) {
                if (!categories.test(p[3])) {
                    log.warn("Intake policy for {} skipped: category {} is not usable here", p[2], p[3]);
                    continue;
                }
                String min = p.length > 5 && !p[5].isBlank() ? p[5] : null;
                n += policies.insert(new PolicyRow(0, p[0], p[1], p[2], p[3], p[4], min, true, 0)) > 0 ? 1 : 0;
            }
            log.info("Seeded {} intake policies", n);
        }
    }

    private int rule(String category, String division, String unit, String co, boolean automatic) {
        if (unit.equals("town:*")) {
            int n = 0;
            for (DivisionCode town : towns.get()) {
                n += rule(category, town.prefix(), "town:" + town.value(), co, automatic);
            }
            return n;
        }
        List<String> all = new ArrayList<>(List.of(unit));
        if (!co.isBlank()) {
            all.addAll(List.of(co.split(";")));
        }
        for (String u : all) {
            if (UnitRef.parse(u).filter(units::exists).isEmpty()) {
                log.warn("Dispatch rule {}/{} skipped: unit {} does not exist here", category, division, u);
                return 0;
            }
        }
        return rules.insert(category, division, unit, co.replace(';', ','), automatic) > 0 ? 1 : 0;
    }

    private static List<String[]> rows(String resource) throws IOException {
        InputStream in = CaseworkSeed.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split(",", -1));
                }
            }
        }
        return rows;
    }
}
