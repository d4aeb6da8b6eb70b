package org.cityos.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cityos.identity.Department;
import org.cityos.kernel.DepartmentCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Departments in {@code identity_department}. */
@Repository
public class DepartmentRepository {
    private static final String COLUMNS = "code, name, short_name, responsibilities, active, version";
    private final JdbcClient jdbc;

    public DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Department> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_department ORDER BY code")
                .query(DepartmentRepository::map)
                .list();
    }

    public Optional<Department> find(DepartmentCode code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_department WHERE code = ?")
                .param(code.value())
                .query(DepartmentRepository::map)
                .optional();
    }

    public List<String> missing(Collection<DepartmentCode> codes) {
        return codes.stream()
                .map(DepartmentCode::value)
                .filter(c -> find(DepartmentCode.of(c)).isEmpty())
                .sorted()
                .toList();
    }

    public boolean nameTaken(String name, DepartmentCode except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_department WHERE name = ? AND code <> ?)")
                .params(name, except.value())
                .query(Boolean.class)
                .single();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM identity_department)")
                .query(Boolean.class)
                .single();
    }

    public void insert(Department d, Instant now) {
        jdbc.sql("INSERT INTO identity_department (code, name, short_name, responsibilities, active, created_at,"
                        + " updated_at) VALUES (?,?,?,?,?,?,?)")
                .params(
                        d.code().value(),
                        d.name(),
                        d.shortName(),
                        d.responsibilities(),
                        d.active(),
                        UserRepository.ts(now),
                        UserRepository.ts(now))
                .update();
    }

    public boolean update(Department d, int expectedVersion, Instant now) {
        return jdbc.sql("UPDATE identity_department SET name = ?, short_name = ?, responsibilities = ?, active = ?,"
                                + " version = version + 1, updated_at = ? WHERE code = ? AND version = ?")
                        .params(
                                d.name(),
                                d.shortName(),
                                d.responsibilities(),
                                d.active(),
                                UserRepository.ts(now),
                                d.code().value(),
                                expectedVersion)
                        .update()
                == 1;
    }

    private static Department map(ResultSet rs, int row) throws SQLException {
        return new Department(
                DepartmentCode.of(rs.getString("code")),
                rs.getString("name"),
                rs.getString("short_name"),
                rs.getString("responsibilities"),
                rs.getBoolean("active"),
                rs.getInt("version"));
    }
}
