package org.cityos.basedata.persistence;

import java.sql.SQLException;
import org.cityos.basedata.SourcePerson;

/** Appends checked rows of one batch to basedata_person_source by COPY, inside the import's transaction. */
public final class PersonSourceWriter implements AutoCloseable {
    static final String COLUMNS = "batch_id, row_no, department, recorded_at, id_number, id_number_written, name,"
            + " gender, birth_date, " + PersonColumns.ADDRESSES + ", phone, division_code, synthetic";

    private final CopyRows copy;

    PersonSourceWriter(CopyRows copy) {
        this.copy = copy;
    }

    public void write(SourcePerson p) throws SQLException {
        copy.number(p.batchId())
                .number(p.row())
                .text(p.department())
                .text(p.recordedAt().toString())
                .text(p.idNumber())
                .text(p.idNumberWritten())
                .text(p.name())
                .text(p.gender())
                .text(p.birthDate() == null ? null : p.birthDate().toString());
        PersonColumns.write(copy, p.household());
        PersonColumns.write(copy, p.residence());
        copy.text(p.phone()).text(p.divisionCode()).bool(p.synthetic());
        copy.end();
    }

    public long finish() throws SQLException {
        return copy.finish();
    }

    @Override
    public void close() throws SQLException {
        copy.close();
    }
}
