package org.cityos.iot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cityos.audit.AuditTrail;
import org.cityos.identity.Departments;
import org.cityos.iot.VideoChannelProblems.ChannelFileTooLarge;
import org.cityos.iot.internal.video.ChannelColumns;
import org.cityos.iot.internal.video.ChannelSheet;
import org.cityos.iot.persistence.VideoChannelRepository;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.Crs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of channel lists (CSV or Excel .xlsx), idempotent by GB id: a row whose GB id exists
 * updates that channel (or leaves it unchanged), any other row creates one. Bad rows are reported and
 * skipped; the good rows are written in one transaction with one audit entry. A dry run writes nothing.
 */
@Service
public class VideoChannelImports {
    private static final int LOOKUP_CHUNK = 5000;

    private final VideoChannels channels;
    private final VideoChannelRepository repository;
    private final Departments departments;
    private final VideoChannelProperties properties;
    private final AuditTrail audit;

    public VideoChannelImports(
            VideoChannels channels,
            VideoChannelRepository repository,
            Departments departments,
            VideoChannelProperties properties,
            AuditTrail audit) {
        this.channels = channels;
        this.repository = repository;
        this.departments = departments;
        this.properties = properties;
        this.audit = audit;
    }

    @Transactional
    public VideoChannelImportReport run(Actor actor, InputStream content, String filename, boolean dryRun, Crs crs) {
        actor.require(Permission.DIVISION_WRITE);
        ChannelSheet sheet = ChannelSheet.read(bytes(content), filename, properties.maxImportRows());
        ChannelColumns columns = new ChannelColumns(sheet.headers(), crs);
        String source = "import:" + filename;
        Issues issues = new Issues(properties.maxImportIssues());
        List<ChannelColumns.Parsed> parsed = new ArrayList<>(sheet.rows().size());
        for (ChannelSheet.Row row : sheet.rows()) {
            parsed.add(columns.parse(row.cells()));
        }
        Map<String, VideoChannel> existing = existing(parsed);
        Map<DepartmentCode, Boolean> known = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<VideoChannel> created = new ArrayList<>();
        List<VideoChannel> updated = new ArrayList<>();
        int unchanged = 0;
        for (int i = 0; i < parsed.size(); i++) {
            int number = sheet.rows().get(i).number();
            ChannelColumns.Parsed p = parsed.get(i);
            if (!p.issues().isEmpty()) {
                issues.add(number, p.gbId(), p.issues());
                continue;
            }
            if (p.gbId() != null && !seen.add(p.gbId())) {
                issues.add(number, p.gbId(), List.of(new FieldIssue("gbId", "video.gb-id-repeated", p.gbId())));
                continue;
            }
            VideoChannel current = p.gbId() == null ? null : existing.get(p.gbId());
            VideoChannels.Assembled a = channels.assemble(
                    actor,
                    current == null ? VideoChannelId.random() : current.id(),
                    p.draft(),
                    current,
                    current == null ? source : current.source(),
                    current != null && current.synthetic(),
                    current == null ? null : current.version() + 1,
                    code -> known.computeIfAbsent(code, departments::exists));
            if (a.refusal() instanceof DomainProblem problem) {
                issues.add(number, p.gbId(), List.of(new FieldIssue("row", problem.messageKey(), problem.args())));
            } else if (!a.issues().isEmpty()) {
                issues.add(number, p.gbId(), a.issues());
            } else if (current == null) {
                created.add(a.channel());
            } else if (sameContent(current, a.channel())) {
                unchanged++;
            } else {
                updated.add(a.channel());
            }
        }
        if (!dryRun) {
            repository.insertAll(created);
            for (VideoChannel c : updated) {
                if (!repository.update(c, c.version() - 1)) {
                    throw new org.cityos.kernel.problem.ConcurrentChange("video channel", c.id());
                }
            }
            audit.record(
                    actor,
                    "iot.video-channel.import",
                    "video-channel",
                    source,
                    Map.of(
                            "rows",
                            sheet.rows().size(),
                            "created",
                            created.size(),
                            "updated",
                            updated.size(),
                            "unchanged",
                            unchanged,
                            "failed",
                            issues.rows()));
        }
        return new VideoChannelImportReport(
                filename,
                dryRun,
                sheet.rows().size(),
                created.size(),
                updated.size(),
                unchanged,
                issues.rows(),
                issues.shown(),
                issues.truncated());
    }

    private Map<String, VideoChannel> existing(List<ChannelColumns.Parsed> parsed) {
        List<String> ids = parsed.stream()
                .map(ChannelColumns.Parsed::gbId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, VideoChannel> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            repository
                    .findByGbIds(ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK)))
                    .forEach(c -> found.put(c.gbId(), c));
        }
        return found;
    }

    /** Everything a file can say about a channel; times and versions are not in files. */
    static boolean sameContent(VideoChannel a, VideoChannel b) {
        return a.gbId().equals(b.gbId())
                && a.name().equals(b.name())
                && a.department().equals(b.department())
                && a.location().equals(b.location())
                && Objects.equals(a.address(), b.address())
                && a.status() == b.status()
                && a.streamUrl().equals(b.streamUrl())
                && a.ptz() == b.ptz()
                && a.tags().equals(b.tags())
                && a.division().equals(b.division())
                && Objects.equals(a.grid(), b.grid());
    }

    private byte[] bytes(InputStream content) {
        long limit = properties.maxImportSize().toBytes();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                if (out.size() + n > limit) {
                    throw new ChannelFileTooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Failed rows are all counted; only the first {@code limit} issues are kept for the report. */
    private static final class Issues {
        private final int limit;
        private final List<VideoChannelImportIssue> shown = new ArrayList<>();
        private int rows;
        private boolean truncated;

        Issues(int limit) {
            this.limit = limit;
        }

        void add(int row, String gbId, List<FieldIssue> issues) {
            rows++;
            for (FieldIssue i : issues) {
                if (shown.size() < limit) {
                    shown.add(new VideoChannelImportIssue(row, gbId, i.field(), i.messageKey(), List.of(i.args())));
                } else {
                    truncated = true;
                }
            }
        }

        int rows() {
            return rows;
        }

        List<VideoChannelImportIssue> shown() {
            return shown;
        }

        boolean truncated() {
            return truncated;
        }
    }
}
