package org.cityos.benchmarks.basedata;

import java.util.EnumMap;
import java.util.Map;
import org.cityos.basedata.SyntheticOrganisations;
import org.cityos.basedata.SyntheticOrganisations.Kind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pairwise precision and recall of the stored organisation clusters against the planted duplicates: a
 * predicted pair is two source records in one golden record, a true pair a tax-file duplicate and the
 * register row it was written from (each organisation is written at most twice). Read back from the
 * database, so what is scored is what was stored.
 */
public final class PlantedOrganisations {
    private PlantedOrganisations() {}

    /** Scores, with recall per kind of duplicate. */
    public record Score(long predictedPairs, long truePairs, long foundPairs, Map<Kind, double[]> recallByKind) {
        public double precision() {
            return predictedPairs == 0 ? 1 : (double) foundPairs / predictedPairs;
        }

        public double recall() {
            return truePairs == 0 ? 1 : (double) foundPairs / truePairs;
        }
    }

    public static Score score(
            JdbcTemplate jdbc, SyntheticOrganisations.Generated truth, long registryBatch, long taxBatch) {
        long[] registered = new long[truth.organisations()];
        long[] duplicate = new long[truth.originalOf().length];
        jdbc.query(
                "SELECT s.batch_id, s.row_no, m.organisation_id FROM basedata_organisation_source s"
                        + " JOIN basedata_organisation_member m ON m.source_id = s.id",
                rs -> {
                    int index = rs.getInt(2) - 2;
                    if (rs.getLong(1) == registryBatch) {
                        registered[index] = rs.getLong(3);
                    } else if (rs.getLong(1) == taxBatch) {
                        duplicate[index] = rs.getLong(3);
                    }
                });
        Long predicted = jdbc.queryForObject(
                "SELECT coalesce(sum(c * (c - 1) / 2), 0) FROM"
                        + " (SELECT count(*) AS c FROM basedata_organisation_member GROUP BY organisation_id) t",
                Long.class);
        long found = 0;
        Map<Kind, double[]> byKind = new EnumMap<>(Kind.class);
        for (int i = 0; i < duplicate.length; i++) {
            double[] tally = byKind.computeIfAbsent(truth.kindOf()[i], k -> new double[2]);
            tally[1]++;
            if (duplicate[i] != 0 && duplicate[i] == registered[truth.originalOf()[i]]) {
                tally[0]++;
                found++;
            }
        }
        return new Score(predicted == null ? 0 : predicted, duplicate.length, found, byKind);
    }
}
