package org.cityos.simulator.connect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.cityos.simulator.world.SimChannel;
import tools.jackson.databind.JsonNode;

/**
 * Registers the simulated video channels through CityOS's channel import ({@code POST /api/video-channels/imports}),
 * in files of {@value #ROWS_PER_FILE} rows; loading again changes nothing (the import matches by GB/T 28181 id).
 */
public final class ChannelLoader {
    static final int ROWS_PER_FILE = 5_000;
    static final String HEADER = "国标编码,名称,权属部门,经度,纬度,地址,状态,视频流地址,云台,标签";

    private final CityOsClient client;
    private final Consumer<String> progress;

    public ChannelLoader(CityOsClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    /** What the imports answered, summed over the files, with the first few rows' problems. */
    public record Loaded(int created, int updated, int unchanged, int failed, List<String> issues) {}

    public Loaded load(List<SimChannel> channels) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int failed = 0;
        List<String> issues = new ArrayList<>();
        for (int from = 0; from < channels.size(); from += ROWS_PER_FILE) {
            List<SimChannel> chunk = channels.subList(from, Math.min(channels.size(), from + ROWS_PER_FILE));
            JsonNode report = client.postFile(
                    "/api/video-channels/imports",
                    "sim-channels-" + from + ".csv",
                    "text/csv",
                    csv(chunk).getBytes(StandardCharsets.UTF_8));
            created += report.path("created").asInt();
            updated += report.path("updated").asInt();
            unchanged += report.path("unchanged").asInt();
            failed += report.path("failed").asInt();
            for (JsonNode issue : report.path("issues")) {
                if (issues.size() < 10) {
                    issues.add(issue.path("gbId").asText() + " "
                            + issue.path("field").asText() + ": "
                            + issue.path("message").asText());
                }
            }
            progress.accept(String.format(
                    "video channels: %d of %d sent (%d new, %d unchanged, %d refused)",
                    from + chunk.size(), channels.size(), created, unchanged, failed));
        }
        return new Loaded(created, updated, unchanged, failed, List.copyOf(issues));
    }

    /** The channels as an import file, streams on the reserved {@code .invalid} domain, tagged synthetic. */
    static String csv(List<SimChannel> channels) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (SimChannel c : channels) {
            out.append(c.gbId())
                    .append(',')
                    .append(c.name())
                    .append(',')
                    .append(c.department())
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.6f", c.at().lon()))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.6f", c.at().lat()))
                    .append(",,")
                    .append(c.status())
                    .append(",rtsp://media.sim.invalid/live/")
                    .append(c.gbId())
                    .append(',')
                    .append(c.ptz() ? "是" : "否")
                    .append(",synthetic;")
                    .append(DeviceFile.TAG)
                    .append('\n');
        }
        return out.toString();
    }
}
