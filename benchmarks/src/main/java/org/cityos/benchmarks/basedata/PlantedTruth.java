package org.cityos.benchmarks.basedata;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cityos.basedata.SyntheticPeople;
import org.cityos.basedata.SyntheticPeople.Kind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pairwise precision and recall of the stored clusters against the planted duplicates: each source
 * record is the generator's person it was written from (a register row, or the person a duplicate
 * copies); a predicted pair is two source records in one golden record, a true pair two records of
 * one generator person. Read back from the database, so what is scored is what was stored.
 */
public final class PlantedTruth {
    private PlantedTruth() {}

    /** Scores, with recall per kind of duplicate. */
    public record Score(long predictedPairs, long truePairs, long foundPairs, Map<Kind, double[]> recallByKind) {
        public double precision() {
            return predictedPairs == 0 ? 1 : (double) foundPairs / predictedPairs;
        }

        public double recall() {
            return truePairs == 0 ? 1 : (double) foundPairs / truePairs;
        }
    }

    /**
     * @param batches the batch ids of the register, the civil affairs file and the human resources file
     */
    public static Score score(JdbcTemplate jdbc, SyntheticPeople.Generated truth, long[] batches) {
        int people = truth.people();
        // golden record of each register row and of each duplicate row
        long[] registerPerson = new long[people];
        List<long[]> duplicatePerson = List.of(
                new long[truth.originalOf().get(0).length],
                new long[truth.originalOf().get(1).length]);
        jdbc.query(
                "SELECT s.batch_id, s.row_no, m.person_id FROM basedata_person_source s"
                        + " JOIN basedata_person_member m ON m.source_id = s.id",
                rs -> {
                    long batch = rs.getLong(1);
                    int index = rs.getInt(2) - 2;
                    long person = rs.getLong(3);
                    if (batch == batches[0]) {
                        registerPerson[index] = person;
                    } else {
                        duplicatePerson.get(batch == batches[1] ? 0 : 1)[index] = person;
                    }
                });
        Long predicted = jdbc.queryForObject(
                "SELECT coalesce(sum(c * (c - 1) / 2), 0) FROM"
                        + " (SELECT count(*) AS c FROM basedata_person_member GROUP BY person_id) t",
                Long.class);
        // every generator person is written at most twice (register, one duplicate): a found pair is a
        // duplicate stored in its original's golden record
        long truePairs = truth.originalOf().get(0).length + truth.originalOf().get(1).length;
        long found = 0;
        Map<Kind, double[]> byKind = new EnumMap<>(Kind.class);
        for (int file = 0; file < 2; file++) {
            int[] originals = truth.originalOf().get(file);
            Kind[] kinds = truth.kindOf().get(file);
            for (int i = 0; i < originals.length; i++) {
                double[] tally = byKind.computeIfAbsent(kinds[i], k -> new double[2]);
                tally[1]++;
                if (duplicatePerson.get(file)[i] == registerPerson[originals[i]]) {
                    tally[0]++;
                    found++;
                }
            }
        }
        return new Score(predicted == null ? 0 : predicted, truePairs, found, byKind);
    }
}
