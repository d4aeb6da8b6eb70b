package org.cityos.iot.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.cityos.iot.VideoChannelImportIssue;
import org.cityos.iot.VideoChannelImportReport;
import org.cityos.iot.VideoChannelImports;
import org.cityos.iot.VideoChannelProblems.ChannelFileTooLarge;
import org.cityos.iot.VideoChannelProperties;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Channel list imports (CSV or .xlsx, multipart field {@code file}), with a per-row report; dry run optional. */
@RestController
public class VideoChannelImportController {
    private final VideoChannelImports imports;
    private final VideoChannelProperties properties;
    private final MessageSource messages;

    public VideoChannelImportController(
            VideoChannelImports imports, VideoChannelProperties properties, MessageSource messages) {
        this.imports = imports;
        this.properties = properties;
        this.messages = messages;
    }

    public record IssueView(int row, String gbId, String field, String message) {}

    public record ReportView(
            String filename,
            boolean dryRun,
            int rowsRead,
            int created,
            int updated,
            int unchanged,
            int failed,
            List<IssueView> issues,
            boolean issuesTruncated) {}

    @PostMapping(
            path = "/api/video-channels/imports",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ReportView run(
            Actor actor,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String crs,
            Locale locale)
            throws IOException {
        if (file.getSize() > properties.maxImportSize().toBytes()) {
            throw new ChannelFileTooLarge(properties.maxImportSize().toBytes());
        }
        if (file.isEmpty()) {
            throw InvalidInput.of("file", "validation.required");
        }
        try (InputStream in = file.getInputStream()) {
            VideoChannelImportReport r =
                    imports.run(actor, in, file.getOriginalFilename(), dryRun, VideoParams.crs(crs));
            return new ReportView(
                    r.filename(),
                    r.dryRun(),
                    r.rowsRead(),
                    r.created(),
                    r.updated(),
                    r.unchanged(),
                    r.failed(),
                    r.issues().stream().map(i -> issue(i, locale)).toList(),
                    r.issuesTruncated());
        }
    }

    private IssueView issue(VideoChannelImportIssue i, Locale locale) {
        String message = messages.getMessage(i.messageKey(), i.args().toArray(), i.messageKey(), locale);
        return new IssueView(i.row(), i.gbId(), i.field(), message);
    }
}
