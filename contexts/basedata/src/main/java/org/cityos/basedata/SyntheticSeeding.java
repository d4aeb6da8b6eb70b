package org.cityos.basedata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.StandardAddress;

/**
 * Loads synthetic people for a demo: {@link SyntheticPeople} over doors of the deployment's gazetteer,
 * imported as three department files through {@link People} (so checked, audited and matched like any
 * other), every record and batch labelled synthetic.
 */
public class SyntheticSeeding {
    /** Beyond this a demo load belongs to the benchmark, not to an HTTP request. */
    public static final int MAX_PEOPLE = 200_000;

    static final double SHARE = 0.05;
    private final People people;
    private final IntFunction<List<StandardAddress>> addresses;

    /** @param addresses gives up to n standard addresses of the deployment to place people at */
    public SyntheticSeeding(People people, IntFunction<List<StandardAddress>> addresses) {
        this.people = people;
        this.addresses = addresses;
    }

    /** The reports of the three files: the register, the civil affairs and the human resources duplicates. */
    public List<ImportReport> seed(Actor actor, long seed, int count) {
        actor.require(Permission.BASEDATA_IMPORT);
        if (count < 1 || count > MAX_PEOPLE) {
            throw InvalidInput.of("count", "validation.range", 1, MAX_PEOPLE);
        }
        List<StandardAddress> doors = addresses.apply(Math.max(100, count / 10));
        if (doors.isEmpty()) {
            throw InvalidInput.of("count", "problem.no-addresses");
        }
        StringWriter register = new StringWriter();
        StringWriter civil = new StringWriter();
        StringWriter hr = new StringWriter();
        try {
            SyntheticPeople.write(seed, count, SHARE, doors, register, civil, hr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(
                load(actor, "public-security", "synthetic-register-" + seed + ".csv", register, false),
                load(actor, "civil-affairs", "synthetic-community-" + seed + ".csv", civil, false),
                load(actor, "human-resources", "synthetic-insured-" + seed + ".csv", hr, true));
    }

    private ImportReport load(Actor actor, String department, String file, StringWriter csv, boolean resolve) {
        return people.importFile(
                actor,
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                new People.ImportFile(department, file, "UTF-8", Map.of(), true),
                resolve);
    }
}
