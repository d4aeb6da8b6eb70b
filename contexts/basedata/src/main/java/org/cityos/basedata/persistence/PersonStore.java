package org.cityos.basedata.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.cityos.basedata.AddressLink;
import org.cityos.basedata.MatchDecision;
import org.cityos.basedata.Person;
import org.cityos.basedata.SourcePerson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import tools.jackson.core.type.TypeReference;

/**
 * Source records, golden records and match decisions of the population base. Bulk paths (a batch's
 * rows, a resolution's golden records) go through COPY on the caller's transaction's connection.
 */
public final class PersonStore {
    private static final String GOLDEN_COLUMNS = "id, id_number, name, gender, birth_date, " + PersonColumns.ADDRESSES
            + ", phone, division_code, sources, synthetic, lineage, resolved_at";

    private final DataSource dataSource;
    private static final GoldenSearch SEARCH = new GoldenSearch("basedata_person", "id_number", "division_code");

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    public PersonStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
    }

    /** A COPY of source rows on the current transaction's connection; must run inside a transaction. */
    public PersonSourceWriter sourceWriter() throws SQLException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        return new PersonSourceWriter(new CopyRows(c, "basedata_person_source", PersonSourceWriter.COLUMNS));
    }

    /**
     * Every source record in id order, streamed; repeated address links share one object, since a
     * door is written by tens of records and the whole base must fit in memory for matching.
     */
    public List<SourcePerson> loadSources() {
        List<SourcePerson> out = new ArrayList<>();
        Map<AddressLink, AddressLink> shared = new HashMap<>();
        streaming.query("SELECT * FROM basedata_person_source ORDER BY id", rs -> {
            SourcePerson p = source(rs);
            out.add(new SourcePerson(
                    p.id(),
                    p.batchId(),
                    p.row(),
                    p.department(),
                    p.recordedAt(),
                    p.idNumber(),
                    p.idNumberWritten(),
                    p.name(),
                    p.gender(),
                    p.birthDate(),
                    p.household() == null ? null : shared.computeIfAbsent(p.household(), a -> a),
                    p.residence() == null ? null : shared.computeIfAbsent(p.residence(), a -> a),
                    p.phone(),
                    p.synthetic()));
        });
        return out;
    }

    /**
     * Replaces every golden record, membership and decision by a resolution's; on the current transaction,
     * so readers see the old resolution until it commits.
     *
     * @param members pairs of (source id, person id), flattened
     */
    public void replaceGolden(List<Person> golden, long[] members, List<MatchDecision> decisions) throws SQLException {
        jdbc.sql("SELECT pg_advisory_xact_lock(20261126)").query().singleRow();
        jdbc.sql("TRUNCATE basedata_person, basedata_person_member, basedata_person_match")
                .update();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (CopyRows out = new CopyRows(c, "basedata_person", GOLDEN_COLUMNS)) {
            for (Person p : golden) {
                out.number(p.id())
                        .text(p.idNumber())
                        .text(p.name())
                        .text(p.gender())
                        .text(p.birthDate() == null ? null : p.birthDate().toString());
                PersonColumns.write(out, p.household());
                PersonColumns.write(out, p.residence());
                out.text(p.phone())
                        .text(p.divisionCode())
                        .number(p.sources())
                        .bool(p.synthetic())
                        .text(Json.write(p.lineage()))
                        .text(p.resolvedAt().toString());
                out.end();
            }
            out.finish();
        }
        try (CopyRows out = new CopyRows(c, "basedata_person_member", "source_id, person_id")) {
            for (int i = 0; i < members.length; i += 2) {
                out.number(members[i]).number(members[i + 1]);
                out.end();
            }
            out.finish();
        }
        try (CopyRows out = new CopyRows(
                c, "basedata_person_match", "source_id, other_source_id, rule, score, explanation, merged")) {
            for (MatchDecision d : decisions) {
                out.number(d.sourceId())
                        .number(d.otherSourceId())
                        .text(d.rule())
                        .number((float) d.score())
                        .text(d.explanation())
                        .bool(d.merged());
                out.end();
            }
            out.finish();
        }
    }

    public Optional<Person> person(long id) {
        return jdbc.sql("SELECT * FROM basedata_person WHERE id = ?")
                .param(id)
                .query((rs, n) -> golden(rs))
                .optional();
    }

    /** The golden record a source record was merged into. */
    public Optional<Long> personOfSource(long sourceId) {
        return jdbc.sql("SELECT person_id FROM basedata_person_member WHERE source_id = ?")
                .param(sourceId)
                .query(Long.class)
                .optional();
    }

    public List<SourcePerson> sourcesOf(long personId) {
        return jdbc.sql("""
                        SELECT s.* FROM basedata_person_source s JOIN basedata_person_member m ON m.source_id = s.id
                        WHERE m.person_id = ? ORDER BY s.id""").param(personId).query((rs, n) -> source(rs)).list();
    }

    /** Decisions touching any source record of the person, conflicts with other people's records included. */
    public List<MatchDecision> matchesOf(long personId) {
        return jdbc.sql("""
                        SELECT d.* FROM basedata_person_match d
                        WHERE d.source_id IN (SELECT source_id FROM basedata_person_member WHERE person_id = :p)
                           OR d.other_source_id IN (SELECT source_id FROM basedata_person_member WHERE person_id = :p)
                        ORDER BY d.source_id, d.other_source_id""")
                .param("p", personId)
                .query((rs, n) -> new MatchDecision(
                        rs.getLong("source_id"),
                        rs.getLong("other_source_id"),
                        rs.getString("rule"),
                        Math.round(rs.getFloat("score") * 1000) / 1000.0,
                        rs.getString("explanation"),
                        rs.getBoolean("merged")))
                .list();
    }

    /**
     * People by exact ID number or name (either may be null), within the given division prefixes
     * ({@code null} = everywhere); records without a place only when {@code unplaced}.
     */
    public List<Person> search(
            String idNumber, String name, List<String> prefixes, boolean unplaced, int offset, int limit) {
        return SEARCH.run(jdbc, idNumber, name, prefixes, unplaced, offset, limit, (rs, n) -> golden(rs));
    }

    static SourcePerson source(ResultSet rs) throws SQLException {
        java.sql.Date birth = rs.getDate("birth_date");
        return new SourcePerson(
                rs.getLong("id"),
                rs.getLong("batch_id"),
                rs.getInt("row_no"),
                rs.getString("department"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("id_number"),
                rs.getString("id_number_written"),
                rs.getString("name"),
                rs.getString("gender"),
                birth == null ? null : birth.toLocalDate(),
                PersonColumns.read(rs, "household"),
                PersonColumns.read(rs, "residence"),
                rs.getString("phone"),
                rs.getBoolean("synthetic"));
    }

    private static Person golden(ResultSet rs) throws SQLException {
        java.sql.Date birth = rs.getDate("birth_date");
        LocalDate birthDate = birth == null ? null : birth.toLocalDate();
        return new Person(
                rs.getLong("id"),
                rs.getString("id_number"),
                rs.getString("name"),
                rs.getString("gender"),
                birthDate,
                PersonColumns.read(rs, "household"),
                PersonColumns.read(rs, "residence"),
                rs.getString("phone"),
                rs.getString("division_code"),
                rs.getInt("sources"),
                rs.getBoolean("synthetic"),
                Json.read(rs.getString("lineage"), new TypeReference<Map<String, Long>>() {}),
                rs.getTimestamp("resolved_at").toInstant());
    }
}
