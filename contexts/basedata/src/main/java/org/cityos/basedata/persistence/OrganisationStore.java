package org.cityos.basedata.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.cityos.basedata.AddressLink;
import org.cityos.basedata.MatchDecision;
import org.cityos.basedata.Organisation;
import org.cityos.basedata.SourceOrganisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import tools.jackson.core.type.TypeReference;

/**
 * Source and golden records, memberships and match decisions of the legal-entity base; bulk writes by COPY
 * on the caller's transaction.
 */
public final class OrganisationStore {
    private static final String ADDRESS =
            "address_text, address_canonical, address_id, address_confidence, address_division";
    private static final String SOURCE_COLUMNS = "batch_id, row_no, department, recorded_at, credit_code,"
            + " organisation_code, registration_number, name,"
            + " legal_representative, " + ADDRESS + ", industry, status, synthetic";
    private static final String GOLDEN_COLUMNS = "id, credit_code, name, legal_representative, " + ADDRESS
            + ", industry, status, sources, synthetic, lineage, resolved_at";

    private final DataSource dataSource;
    private static final GoldenSearch SEARCH =
            new GoldenSearch("basedata_organisation", "credit_code", "address_division");

    private final JdbcClient jdbc;

    public OrganisationStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Appends checked rows by COPY inside the current transaction. */
    public void append(List<SourceOrganisation> rows) throws SQLException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (CopyRows out = new CopyRows(c, "basedata_organisation_source", SOURCE_COLUMNS)) {
            for (SourceOrganisation o : rows) {
                out.number(o.batchId())
                        .number(o.row())
                        .text(o.department())
                        .text(o.recordedAt().toString())
                        .text(o.creditCode())
                        .text(o.organisationCode())
                        .text(o.registrationNumber())
                        .text(o.name())
                        .text(o.legalRepresentative());
                PersonColumns.write(out, o.address());
                out.text(o.industry()).text(o.status()).bool(o.synthetic());
                out.end();
            }
            out.finish();
        }
    }

    public List<SourceOrganisation> loadSources() {
        return jdbc.sql("SELECT * FROM basedata_organisation_source ORDER BY id")
                .query((rs, n) -> source(rs))
                .list();
    }

    /**
     * Replaces every golden record, membership and decision by a resolution's, on the current transaction.
     *
     * @param members pairs of (source id, organisation id), flattened
     */
    public void replaceGolden(List<Organisation> golden, long[] members, List<MatchDecision> decisions)
            throws SQLException {
        jdbc.sql("SELECT pg_advisory_xact_lock(20261127)").query().singleRow();
        jdbc.sql("TRUNCATE basedata_organisation, basedata_organisation_member, basedata_organisation_match")
                .update();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (CopyRows out = new CopyRows(c, "basedata_organisation", GOLDEN_COLUMNS)) {
            for (Organisation o : golden) {
                out.number(o.id()).text(o.creditCode()).text(o.name()).text(o.legalRepresentative());
                PersonColumns.write(out, o.address());
                out.text(o.industry())
                        .text(o.status())
                        .number(o.sources())
                        .bool(o.synthetic())
                        .text(Json.write(o.lineage()))
                        .text(o.resolvedAt().toString());
                out.end();
            }
            out.finish();
        }
        try (CopyRows out = new CopyRows(c, "basedata_organisation_member", "source_id, organisation_id")) {
            for (int i = 0; i < members.length; i += 2) {
                out.number(members[i]).number(members[i + 1]);
                out.end();
            }
            out.finish();
        }
        try (CopyRows out = new CopyRows(
                c, "basedata_organisation_match", "source_id, other_source_id, rule, score, explanation, merged")) {
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

    /** Decisions touching any source record of the organisation, with other organisations' records included. */
    public List<MatchDecision> matchesOf(long organisationId) {
        return jdbc.sql("""
                        SELECT d.* FROM basedata_organisation_match d
                        WHERE d.source_id IN
                                (SELECT source_id FROM basedata_organisation_member WHERE organisation_id = :o)
                           OR d.other_source_id IN
                                (SELECT source_id FROM basedata_organisation_member WHERE organisation_id = :o)
                        ORDER BY d.source_id, d.other_source_id""")
                .param("o", organisationId)
                .query((rs, n) -> decision(rs))
                .list();
    }

    /** The steward's queue: pairs scored between the thresholds, best first. */
    public List<MatchDecision> possibleMatches(int offset, int limit) {
        return jdbc.sql("""
                        SELECT * FROM basedata_organisation_match WHERE rule = 'possible'
                        ORDER BY score DESC, source_id, other_source_id OFFSET ? LIMIT ?""")
                .params(offset, limit)
                .query((rs, n) -> decision(rs))
                .list();
    }

    /** The golden record a source record belongs to. */
    public Optional<Long> organisationOfSource(long sourceId) {
        return jdbc.sql("SELECT organisation_id FROM basedata_organisation_member WHERE source_id = ?")
                .param(sourceId)
                .query(Long.class)
                .optional();
    }

    private static MatchDecision decision(ResultSet rs) throws SQLException {
        return new MatchDecision(
                rs.getLong("source_id"),
                rs.getLong("other_source_id"),
                rs.getString("rule"),
                Math.round(rs.getFloat("score") * 1000) / 1000.0,
                rs.getString("explanation"),
                rs.getBoolean("merged"));
    }

    public Optional<Organisation> organisation(long id) {
        return jdbc.sql("SELECT * FROM basedata_organisation WHERE id = ?")
                .param(id)
                .query((rs, n) -> golden(rs))
                .optional();
    }

    /** By exact credit code or name, within division prefixes ({@code null} = everywhere). */
    public List<Organisation> search(
            String creditCode, String name, List<String> prefixes, boolean unplaced, int offset, int limit) {
        return SEARCH.run(jdbc, creditCode, name, prefixes, unplaced, offset, limit, (rs, n) -> golden(rs));
    }

    private static SourceOrganisation source(ResultSet rs) throws SQLException {
        return new SourceOrganisation(
                rs.getLong("id"),
                rs.getLong("batch_id"),
                rs.getInt("row_no"),
                rs.getString("department"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("credit_code"),
                rs.getString("organisation_code"),
                rs.getString("registration_number"),
                rs.getString("name"),
                rs.getString("legal_representative"),
                address(rs),
                rs.getString("industry"),
                rs.getString("status"),
                rs.getBoolean("synthetic"));
    }

    private static Organisation golden(ResultSet rs) throws SQLException {
        return new Organisation(
                rs.getLong("id"),
                rs.getString("credit_code"),
                rs.getString("name"),
                rs.getString("legal_representative"),
                address(rs),
                rs.getString("industry"),
                rs.getString("status"),
                rs.getInt("sources"),
                rs.getBoolean("synthetic"),
                Json.read(rs.getString("lineage"), new TypeReference<Map<String, Long>>() {}),
                rs.getTimestamp("resolved_at").toInstant());
    }

    private static AddressLink address(ResultSet rs) throws SQLException {
        String text = rs.getString("address_text");
        if (text == null) {
            return null;
        }
        long id = rs.getLong("address_id");
        Long addressId = rs.wasNull() ? null : id;
        return new AddressLink(
                text,
                rs.getString("address_canonical"),
                addressId,
                addressId == null ? 0 : Math.round(rs.getFloat("address_confidence") * 1000) / 1000.0,
                rs.getString("address_division"));
    }
}
