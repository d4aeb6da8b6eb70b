package org.cityos.iot.internal.video;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityos.iot.VideoChannelDraft;
import org.cityos.iot.VideoChannelProblems.UnreadableChannelFile;
import org.cityos.iot.VideoChannelStatus;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.Crs;

/**
 * The columns of a channel import, by English or Chinese header: gb_id (国标编码), name (名称),
 * department (权属部门), lon (经度), lat (纬度), crs (坐标系, optional per row), address (地址),
 * status (状态), stream_url (视频流地址), ptz (云台), tags (标签, separated by ; or ；).
 */
public final class ChannelColumns {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("gb_id", "gb_id"),
            Map.entry("gbid", "gb_id"),
            Map.entry("国标编码", "gb_id"),
            Map.entry("name", "name"),
            Map.entry("名称", "name"),
            Map.entry("department", "department"),
            Map.entry("权属部门", "department"),
            Map.entry("lon", "lon"),
            Map.entry("经度", "lon"),
            Map.entry("lat", "lat"),
            Map.entry("纬度", "lat"),
            Map.entry("crs", "crs"),
            Map.entry("坐标系", "crs"),
            Map.entry("address", "address"),
            Map.entry("地址", "address"),
            Map.entry("status", "status"),
            Map.entry("状态", "status"),
            Map.entry("stream_url", "stream_url"),
            Map.entry("视频流地址", "stream_url"),
            Map.entry("ptz", "ptz"),
            Map.entry("云台", "ptz"),
            Map.entry("tags", "tags"),
            Map.entry("标签", "tags"));
    static final List<String> REQUIRED = List.of("gb_id", "name", "department", "lon", "lat", "stream_url");

    private final Map<String, Integer> index;
    private final Crs defaultCrs;

    /** One row read: the draft, or the issues that stop it; {@code gbId} as written, for the report. */
    public record Parsed(String gbId, VideoChannelDraft draft, List<FieldIssue> issues) {}

    public ChannelColumns(List<String> headers, Crs defaultCrs) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String key = ALIASES.get(headers.get(i).strip().toLowerCase(Locale.ROOT));
            if (key != null) {
                found.putIfAbsent(key, i);
            }
        }
        List<String> missing =
                REQUIRED.stream().filter(c -> !found.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableChannelFile("missing columns " + String.join(", ", missing));
        }
        this.index = Map.copyOf(found);
        this.defaultCrs = defaultCrs;
    }

    public Parsed parse(List<String> cells) {
        List<FieldIssue> issues = new ArrayList<>();
        String gbId = cell(cells, "gb_id");
        Double lon = number(cells, "lon", issues);
        Double lat = number(cells, "lat", issues);
        Crs crs = defaultCrs;
        String crsText = cell(cells, "crs");
        if (crsText != null) {
            crs = Crs.parse(crsText).orElse(null);
            if (crs == null) {
                issues.add(new FieldIssue("crs", "video.unknown-crs", crsText));
            }
        }
        GeoPoint location = null;
        if (lon == null && !hasIssue(issues, "lon")) {
            issues.add(new FieldIssue("lon", "validation.required"));
        }
        if (lat == null && !hasIssue(issues, "lat")) {
            issues.add(new FieldIssue("lat", "validation.required"));
        }
        if (lon != null && lat != null && crs != null) {
            try {
                location = crs.toWgs84(GeoPoint.of(lon, lat));
            } catch (DomainProblem e) {
                issues.addAll(e.fieldIssues());
            }
        }
        VideoChannelStatus status = null;
        String statusText = cell(cells, "status");
        if (statusText != null) {
            status = VideoChannelStatus.parse(statusText).orElse(null);
            if (status == null) {
                issues.add(new FieldIssue("status", "video.status", statusText));
            }
        }
        Boolean ptz = flag(cell(cells, "ptz"));
        if (ptz == null) {
            issues.add(new FieldIssue("ptz", "video.ptz", cell(cells, "ptz")));
        }
        String tagText = cell(cells, "tags");
        List<String> tags = tagText == null
                ? List.of()
                : Arrays.stream(tagText.split("[;；]"))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
        VideoChannelDraft draft = new VideoChannelDraft(
                gbId,
                cell(cells, "name"),
                cell(cells, "department"),
                location,
                cell(cells, "address"),
                status,
                cell(cells, "stream_url"),
                Boolean.TRUE.equals(ptz),
                tags);
        return new Parsed(gbId, draft, issues);
    }

    private String cell(List<String> cells, String column) {
        Integer i = index.get(column);
        if (i == null
                || i >= cells.size()
                || cells.get(i) == null
                || cells.get(i).isBlank()) {
            return null;
        }
        return cells.get(i).strip();
    }

    private Double number(List<String> cells, String column, List<FieldIssue> issues) {
        String text = cell(cells, column);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        issues.add(new FieldIssue(column, "video.not-a-number", text));
        return null;
    }

    private static Boolean flag(String text) {
        if (text == null) {
            return false;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是", "有" -> true;
            case "false", "no", "n", "0", "否", "无" -> false;
            default -> null;
        };
    }

    private static boolean hasIssue(List<FieldIssue> issues, String field) {
        return issues.stream().anyMatch(i -> i.field().equals(field));
    }
}
