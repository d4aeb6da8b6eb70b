package org.cityos.spatial.internal.poi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.PoiProblems.UnreadablePoiFile;

/**
 * Column names of POI files, English or Chinese, mapped to canonical fields. Columns CityOS writes on
 * export but computes itself (division, grid, id…) are ignored on import; any other column becomes
 * an attribute of the POI.
 */
public final class PoiColumns {
    public static final String EXTERNAL_ID = "externalId";
    public static final String NAME = "name";
    public static final String CLASS = "class";
    public static final String LON = "lon";
    public static final String LAT = "lat";
    public static final String ADDRESS = "address";
    public static final String PHONE = "phone";
    public static final String ATTRIBUTES = "attributes";
    public static final List<String> REQUIRED = List.of(NAME, CLASS, LON, LAT);

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("external_id", EXTERNAL_ID),
            Map.entry("externalid", EXTERNAL_ID),
            Map.entry("外部编号", EXTERNAL_ID),
            Map.entry("name", NAME),
            Map.entry("名称", NAME),
            Map.entry("class", CLASS),
            Map.entry("class_code", CLASS),
            Map.entry("category", CLASS),
            Map.entry("类别", CLASS),
            Map.entry("分类", CLASS),
            Map.entry("lon", LON),
            Map.entry("lng", LON),
            Map.entry("longitude", LON),
            Map.entry("经度", LON),
            Map.entry("lat", LAT),
            Map.entry("latitude", LAT),
            Map.entry("纬度", LAT),
            Map.entry("address", ADDRESS),
            Map.entry("地址", ADDRESS),
            Map.entry("phone", PHONE),
            Map.entry("tel", PHONE),
            Map.entry("telephone", PHONE),
            Map.entry("电话", PHONE),
            Map.entry("attributes", ATTRIBUTES),
            Map.entry("属性", ATTRIBUTES));
    private static final Set<String> COMPUTED = Set.of(
            "id",
            "class_name",
            "类别名称",
            "crs",
            "division_code",
            "区划代码",
            "grid_code",
            "网格编码",
            "synthetic",
            "合成",
            "version");

    private PoiColumns() {}

    /** The canonical field of a header, or {@code null} for an attribute column, or "" for an ignored one. */
    public static String field(String header) {
        String h = header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        if (COMPUTED.contains(h)) {
            return "";
        }
        return FIELDS.get(h);
    }

    /** Canonical names for a header row (null = attribute, "" = ignored); refuses a header missing a required column. */
    public static List<String> map(List<String> headers) {
        List<String> fields = new ArrayList<>();
        for (String h : headers) {
            String f = field(h);
            fields.add(f != null && !f.isEmpty() && fields.contains(f) ? "" : f);
        }
        List<String> missing =
                REQUIRED.stream().filter(r -> !fields.contains(r)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadablePoiFile("missing columns " + String.join(", ", missing));
        }
        return fields;
    }

    /**
     * A data row of a table: cells under known columns become fields, cells under other columns
     * attributes; a row with more cells than the header has columns is flagged.
     */
    public static PoiRow row(int number, List<String> headers, List<String> fields, List<String> cells) {
        Map<String, String> values = new java.util.HashMap<>();
        Map<String, Object> extra = new java.util.LinkedHashMap<>();
        List<FieldIssue> issues = new ArrayList<>();
        if (cells.size() > headers.size()) {
            issues.add(new FieldIssue("row", "problem.poi-row-columns", headers.size(), cells.size()));
        }
        for (int i = 0; i < Math.min(headers.size(), cells.size()); i++) {
            String cell = cells.get(i);
            String f = fields.get(i);
            if (f == null) {
                if (cell != null && !cell.isBlank()) {
                    extra.put(attributeKey(headers.get(i)), cell.strip());
                }
            } else if (!f.isEmpty()) {
                values.put(f, cell);
            }
        }
        return new PoiRow(number, values, extra, issues);
    }

    /** The attribute key for an unmapped column. */
    public static String attributeKey(String header) {
        return header.replace("\uFEFF", "").strip();
    }
}
