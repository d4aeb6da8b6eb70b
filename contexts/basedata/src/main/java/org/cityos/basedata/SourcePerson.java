package org.cityos.basedata;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One person as one department's file gave it: a row of a batch, checked and normalised, kept as
 * received so every field of a golden record can be traced back to it.
 *
 * @param id assigned by the database (0 before it is stored)
 * @param idNumber the normalised 18-character number, or null when the row had none
 * @param idNumberWritten the number as written when it differs from {@code idNumber} (a 15-digit one)
 * @param gender 'M', 'F' or null
 * @param birthDate stated or derived from the ID number, or null
 * @param recordedAt when the department's file was received
 */
public record SourcePerson(
        long id,
        long batchId,
        int row,
        String department,
        Instant recordedAt,
        String idNumber,
        String idNumberWritten,
        String name,
        String gender,
        LocalDate birthDate,
        AddressLink household,
        AddressLink residence,
        String phone,
        boolean synthetic) {

    /** The division the record belongs to for scope: where the household lives, else where the person does. */
    public String divisionCode() {
        if (household != null && household.divisionCode() != null) {
            return household.divisionCode();
        }
        return residence == null ? null : residence.divisionCode();
    }
}
