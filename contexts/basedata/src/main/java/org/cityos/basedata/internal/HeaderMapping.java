package org.cityos.basedata.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/**
 * Which column of a department's file holds which field. Departments name columns their own way
 * (身份证号, 公民身份号码, id_number…); the usual names are known, and an import may add its own
 * ("户籍所在地" → householdAddress).
 */
public final class HeaderMapping {
    static final Map<String, String> KNOWN = known();

    private final int[] columnOf;
    private final List<String> fields;

    private HeaderMapping(List<String> fields, int[] columnOf) {
        this.fields = fields;
        this.columnOf = columnOf;
    }

    /**
     * @param header the file's header row
     * @param extra header name → field name, for names not known
     * @param fields the fields of the record kind
     * @param required fields that must have a column
     */
    public static HeaderMapping of(
            List<String> header, Map<String, String> extra, List<String> fields, List<String> required) {
        int[] columnOf = new int[fields.size()];
        java.util.Arrays.fill(columnOf, -1);
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c) == null ? "" : header.get(c).strip().replace("\uFEFF", "");
            String field = extra.getOrDefault(name, KNOWN.get(name.toLowerCase(Locale.ROOT)));
            int f = field == null ? -1 : fields.indexOf(field);
            if (f >= 0 && columnOf[f] < 0) {
                columnOf[f] = c;
            }
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            if (!fields.contains(e.getValue())) {
                throw InvalidInput.of("mapping", "problem.unknown-field", e.getValue());
            }
        }
        for (String r : required) {
            if (columnOf[fields.indexOf(r)] < 0) {
                throw new InvalidInput(List.of(new FieldIssue("file", "problem.missing-column", r)));
            }
        }
        return new HeaderMapping(fields, columnOf);
    }

    /** The cell of {@code field} in {@code row}, stripped; null when empty or absent. */
    public String get(List<String> row, String field) {
        int c = columnOf[fields.indexOf(field)];
        if (c < 0 || c >= row.size() || row.get(c) == null) {
            return null;
        }
        String v = row.get(c).strip();
        return v.isEmpty() ? null : v;
    }

    private static Map<String, String> known() {
        Map<String, String> m = new HashMap<>();
        for (String s : List.of("身份证号", "身份证号码", "公民身份号码", "证件号码", "id_number", "idnumber")) {
            m.put(s, "idNumber");
        }
        for (String s : List.of("姓名", "name")) {
            m.put(s, "name");
        }
        for (String s : List.of("性别", "gender", "sex")) {
            m.put(s, "gender");
        }
        for (String s : List.of("出生日期", "birth_date", "birthdate")) {
            m.put(s, "birthDate");
        }
        for (String s : List.of("户籍地址", "户籍地", "户籍所在地", "household_address", "householdaddress")) {
            m.put(s, "householdAddress");
        }
        for (String s : List.of("居住地址", "现住址", "居住地", "residence_address", "residenceaddress")) {
            m.put(s, "residenceAddress");
        }
        for (String s : List.of("联系电话", "手机号", "电话", "phone")) {
            m.put(s, "phone");
        }
        for (String s : List.of("统一社会信用代码", "信用代码", "credit_code", "creditcode")) {
            m.put(s, "creditCode");
        }
        for (String s : List.of("组织机构代码", "机构代码", "organisation_code", "organisationcode")) {
            m.put(s, "organisationCode");
        }
        for (String s : List.of("注册号", "工商注册号", "registration_number", "registrationnumber")) {
            m.put(s, "registrationNumber");
        }
        for (String s : List.of("单位名称", "企业名称", "机构名称", "organisation_name")) {
            m.put(s, "orgName");
        }
        for (String s : List.of("法定代表人", "法人", "legal_representative", "legalrepresentative")) {
            m.put(s, "legalRepresentative");
        }
        for (String s : List.of("住所", "地址", "注册地址", "address")) {
            m.put(s, "address");
        }
        for (String s : List.of("行业代码", "行业", "industry")) {
            m.put(s, "industry");
        }
        for (String s : List.of("登记状态", "状态", "status")) {
            m.put(s, "status");
        }
        return Map.copyOf(m);
    }
}
