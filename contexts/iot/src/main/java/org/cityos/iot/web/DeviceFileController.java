package org.cityos.iot.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import org.cityos.iot.DeviceExports;
import org.cityos.iot.DeviceFilter;
import org.cityos.iot.DeviceImportId;
import org.cityos.iot.DeviceImportJob;
import org.cityos.iot.DeviceImports;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Device files over HTTP: import jobs (upload, then poll; row issues also in words) and streamed exports of what
 * the caller sees.
 */
@RestController
@RequestMapping("/api/devices")
public class DeviceFileController {
    private final DeviceImports imports;
    private final DeviceExports exports;
    private final MessageSource messages;

    public DeviceFileController(DeviceImports imports, DeviceExports exports, MessageSource messages) {
        this.imports = imports;
        this.exports = exports;
        this.messages = messages;
    }

    /** Starts an import and answers 202 with the job; poll the Location for progress and row issues. */
    @PostMapping(
            path = "/imports",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DeviceImportView> startImport(
            Actor actor,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String crs,
            Locale locale)
            throws IOException {
        if (file.isEmpty()) {
            throw InvalidInput.of("file", "validation.required");
        }
        Crs in = DeviceParams.crs(crs);
        try (InputStream content = file.getInputStream()) {
            DeviceImportJob job = imports.start(actor, content, file.getOriginalFilename(), dryRun, in);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/devices/imports/" + job.id()))
                    .body(DeviceImportView.of(job, messages, locale));
        }
    }

    @GetMapping(path = "/imports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public DeviceImportView importJob(Actor actor, @PathVariable String id, Locale locale) {
        DeviceImportId jobId =
                DeviceImportId.parse(id).orElseThrow(() -> InvalidInput.of("id", "problem.device-import-id", id));
        return DeviceImportView.of(imports.get(actor, jobId), messages, locale);
    }

    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(
            Actor actor,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String crs) {
        DeviceExports.Format f = exports.prepare(actor, format);
        Crs shown = DeviceParams.crs(crs);
        DeviceFilter filter = new DeviceFilter(
                DeviceParams.text(type),
                DeviceParams.state("state", state),
                DeviceParams.division(division),
                DeviceParams.department("department", department),
                null,
                null);
        StreamingResponseBody body = out -> exports.write(actor, f, filter, shown, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.filename)
                                .build()
                                .toString())
                .body(body);
    }
}
