package org.cityos.basedata.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityos.basedata.AddressLink;
import org.cityos.basedata.IdNumber;
import org.cityos.basedata.RowIssue;
import org.cityos.basedata.SourcePerson;

/**
 * Checks one row of a population file and makes it a source record: the ID number's shape, birth date
 * and check digit, a 15-digit number converted, the stated birth date and gender against those the
 * number encodes, a name present, dates and phone numbers readable. A row with any issue is skipped whole.
 */
public final class PersonRow {
    public static final List<String> FIELDS =
            List.of("idNumber", "name", "gender", "birthDate", "householdAddress", "residenceAddress", "phone");
    public static final List<String> REQUIRED = List.of("name");
    static final int MAX_NAME = 50;
    static final int MAX_ADDRESS = 200;
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年]?(\\d{1,2})[-/.月]?(\\d{1,2})日?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,18}[0-9]");

    private PersonRow() {}

    /** The record, or the row's issues. */
    public record Checked(SourcePerson person, List<RowIssue> issues) {}

    public static Checked check(
            List<String> cells,
            HeaderMapping columns,
            int row,
            long batchId,
            String department,
            Instant recordedAt,
            boolean synthetic,
            Function<String, AddressLink> addresses,
            LocalDate today) {
        List<RowIssue> issues = new ArrayList<>(0);
        String name = columns.get(cells, "name");
        if (name == null) {
            issues.add(new RowIssue(row, "name", "validation.required"));
        } else {
            name = name.replace(" ", "").replace("\u3000", "");
            if (name.length() > MAX_NAME) {
                issues.add(new RowIssue(row, "name", "validation.too-long"));
            }
        }
        IdNumber id = null;
        String written = null;
        String idText = columns.get(cells, "idNumber");
        if (idText != null) {
            IdNumber.Parsed parsed = IdNumber.parse(idText);
            if (!parsed.valid()) {
                issues.add(new RowIssue(row, "idNumber", parsed.fault().key()));
            } else {
                id = parsed.number();
                written = parsed.converted() ? idText.strip() : null;
            }
        }
        String gender = gender(columns.get(cells, "gender"));
        if ("?".equals(gender)) {
            issues.add(new RowIssue(row, "gender", "problem.gender"));
            gender = null;
        } else if (id != null && gender != null && gender.charAt(0) != id.gender()) {
            issues.add(new RowIssue(row, "gender", "problem.id-number-gender-mismatch"));
        }
        LocalDate birth = null;
        String birthText = columns.get(cells, "birthDate");
        if (birthText != null) {
            birth = date(birthText);
            if (birth == null || birth.isAfter(today) || birth.getYear() < 1850) {
                issues.add(new RowIssue(row, "birthDate", "problem.birth-date"));
            } else if (id != null && !birth.equals(id.birthDate())) {
                issues.add(new RowIssue(row, "birthDate", "problem.id-number-birth-mismatch"));
            }
        }
        String phone = columns.get(cells, "phone");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            issues.add(new RowIssue(row, "phone", "problem.phone-shape"));
        }
        String household = columns.get(cells, "householdAddress");
        String residence = columns.get(cells, "residenceAddress");
        if (household != null && household.length() > MAX_ADDRESS) {
            issues.add(new RowIssue(row, "householdAddress", "validation.too-long"));
        }
        if (residence != null && residence.length() > MAX_ADDRESS) {
            issues.add(new RowIssue(row, "residenceAddress", "validation.too-long"));
        }
        if (!issues.isEmpty()) {
            return new Checked(null, issues);
        }
        if (id != null) {
            birth = birth == null ? id.birthDate() : birth;
            gender = gender == null ? String.valueOf(id.gender()) : gender;
        }
        return new Checked(
                new SourcePerson(
                        0,
                        batchId,
                        row,
                        department,
                        recordedAt,
                        id == null ? null : id.value(),
                        written,
                        name,
                        gender,
                        birth,
                        household == null ? null : addresses.apply(household),
                        residence == null ? null : addresses.apply(residence),
                        phone,
                        synthetic),
                List.of());
    }

    /** 'M', 'F', null when not given, "?" when given but not readable. */
    static String gender(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "男", "M", "MALE", "1" -> "M";
            case "女", "F", "FEMALE", "2" -> "F";
            default -> "?";
        };
    }

    static LocalDate date(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
