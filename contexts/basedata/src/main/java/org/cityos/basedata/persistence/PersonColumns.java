package org.cityos.basedata.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.cityos.basedata.AddressLink;

/** The address columns source and golden person rows share, written and read the same way. */
final class PersonColumns {
    static final String ADDRESSES = "household_text, household_canonical, household_address_id, household_confidence,"
            + " household_division, residence_text, residence_canonical, residence_address_id,"
            + " residence_confidence, residence_division";

    private PersonColumns() {}

    static void write(CopyRows out, AddressLink a) {
        if (a == null) {
            out.text(null).text(null).number(null).number(null).text(null);
        } else {
            out.text(a.text())
                    .text(a.canonical())
                    .number(a.addressId())
                    .number(a.linked() ? (Number) (float) a.confidence() : null)
                    .text(a.divisionCode());
        }
    }

    static AddressLink read(ResultSet rs, String prefix) throws SQLException {
        String text = rs.getString(prefix + "_text");
        if (text == null) {
            return null;
        }
        long id = rs.getLong(prefix + "_address_id");
        Long addressId = rs.wasNull() ? null : id;
        return new AddressLink(
                text,
                rs.getString(prefix + "_canonical"),
                addressId,
                addressId == null ? 0 : Math.round(rs.getFloat(prefix + "_confidence") * 1000) / 1000.0,
                rs.getString(prefix + "_division"));
    }
}
