package org.cityos.basedata.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.cityos.basedata.AddressLink;
import org.cityos.basedata.CreditCode;
import org.cityos.basedata.OrganisationCode;
import org.cityos.basedata.RowIssue;
import org.cityos.basedata.SourceOrganisation;

/**
 * Checks one row of a legal-entity file: the credit code's alphabet and MOD 31 check character, the
 * organisation code's MOD 11 check character (and that it is the one the credit code contains), a
 * registration number of 15 digits, a name,
 * an industry code of GB/T 4754's shape (section letter A–T, then up to four digits), a known status.
 */
public final class OrganisationRow {
    public static final List<String> FIELDS = List.of(
            "creditCode",
            "organisationCode",
            "registrationNumber",
            "orgName",
            "legalRepresentative",
            "address",
            "industry",
            "status");
    public static final List<String> REQUIRED = List.of("orgName");
    private static final Pattern REGISTRATION_NUMBER = Pattern.compile("[0-9]{15}");
    private static final Pattern INDUSTRY = Pattern.compile("[A-T]([0-9]{2}([0-9]{1,2})?)?");
    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("存续", "ACTIVE"),
            Map.entry("在业", "ACTIVE"),
            Map.entry("开业", "ACTIVE"),
            Map.entry("ACTIVE", "ACTIVE"),
            Map.entry("停业", "SUSPENDED"),
            Map.entry("SUSPENDED", "SUSPENDED"),
            Map.entry("吊销", "REVOKED"),
            Map.entry("REVOKED", "REVOKED"),
            Map.entry("注销", "CANCELLED"),
            Map.entry("CANCELLED", "CANCELLED"),
            Map.entry("迁出", "MOVED_OUT"),
            Map.entry("MOVED_OUT", "MOVED_OUT"));

    private OrganisationRow() {}

    /** The record, or the row's issues. */
    public record Checked(SourceOrganisation organisation, List<RowIssue> issues) {}

    public static Checked check(
            List<String> cells,
            HeaderMapping columns,
            int row,
            long batchId,
            String department,
            Instant recordedAt,
            boolean synthetic,
            Function<String, AddressLink> addresses) {
        List<RowIssue> issues = new ArrayList<>(0);
        String name = columns.get(cells, "orgName");
        if (name == null) {
            issues.add(new RowIssue(row, "name", "validation.required"));
        } else if (name.length() > 200) {
            issues.add(new RowIssue(row, "name", "validation.too-long"));
        }
        String code = null;
        String codeText = columns.get(cells, "creditCode");
        if (codeText != null) {
            CreditCode.Parsed parsed = CreditCode.parse(codeText);
            if (parsed.valid()) {
                code = parsed.code().value();
            } else {
                issues.add(new RowIssue(row, "creditCode", parsed.fault().key()));
            }
        }
        String organisationCode = OrganisationCode.within(code);
        String organisationText = columns.get(cells, "organisationCode");
        if (organisationText != null) {
            OrganisationCode.Parsed parsed = OrganisationCode.parse(organisationText);
            if (!parsed.valid()) {
                issues.add(new RowIssue(row, "organisationCode", parsed.fault()));
            } else if (organisationCode != null
                    && !organisationCode.equals(parsed.code().value())) {
                issues.add(new RowIssue(row, "organisationCode", "problem.organisation-code-mismatch"));
            } else {
                organisationCode = parsed.code().value();
            }
        }
        // the check digit is not verified: numbers issued before GS15001-2006 have none
        String registration = columns.get(cells, "registrationNumber");
        if (registration != null && !REGISTRATION_NUMBER.matcher(registration).matches()) {
            issues.add(new RowIssue(row, "registrationNumber", "problem.registration-number-shape"));
        }
        String representative = columns.get(cells, "legalRepresentative");
        if (representative != null && representative.length() > PersonRow.MAX_NAME) {
            issues.add(new RowIssue(row, "legalRepresentative", "validation.too-long"));
        }
        String industry = columns.get(cells, "industry");
        if (industry != null && !INDUSTRY.matcher(industry).matches()) {
            issues.add(new RowIssue(row, "industry", "problem.industry-code"));
        }
        String statusText = columns.get(cells, "status");
        String status = statusText == null ? null : STATUS.get(statusText.toUpperCase(java.util.Locale.ROOT));
        if (statusText != null && status == null) {
            issues.add(new RowIssue(row, "status", "problem.organisation-status"));
        }
        String address = columns.get(cells, "address");
        if (address != null && address.length() > PersonRow.MAX_ADDRESS) {
            issues.add(new RowIssue(row, "address", "validation.too-long"));
        }
        if (!issues.isEmpty()) {
            return new Checked(null, issues);
        }
        return new Checked(
                new SourceOrganisation(
                        0,
                        batchId,
                        row,
                        department,
                        recordedAt,
                        code,
                        organisationCode,
                        registration,
                        name,
                        representative,
                        address == null ? null : addresses.apply(address),
                        industry,
                        status,
                        synthetic),
                List.of());
    }
}
