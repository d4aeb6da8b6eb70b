package org.cityos.spatial.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.PoiExports;
import org.cityos.spatial.PoiFilter;
import org.cityos.spatial.PoiImportId;
import org.cityos.spatial.PoiImportJob;
import org.cityos.spatial.PoiImports;
import org.cityos.spatial.PoiProblems.PoiFileTooLarge;
import org.cityos.spatial.PoiProperties;
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

/** POI files over HTTP: import jobs (upload, then poll) and streamed exports. */
@RestController
@RequestMapping("/api/pois")
public class PoiFileController {
    private final PoiImports imports;
    private final PoiExports exports;
    private final PoiProperties properties;
    private final MessageSource messages;

    public PoiFileController(PoiImports imports, PoiExports exports, PoiProperties properties, MessageSource messages) {
        this.imports = imports;
        this.exports = exports;
        this.properties = properties;
        this.messages = messages;
    }

    /** Starts an import and answers 202 with the job at once; poll the Location for progress. */
    @PostMapping(
            path = "/imports",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PoiImportView> startImport(
            Actor actor,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String crs,
            Locale locale)
            throws IOException {
        if (file.getSize() > properties.maxImportSize().toBytes()) {
            throw new PoiFileTooLarge(properties.maxImportSize().toBytes());
        }
        if (file.isEmpty()) {
            throw InvalidInput.of("file", "validation.required");
        }
        try (InputStream in = file.getInputStream()) {
            PoiImportJob job = imports.start(actor, in, file.getOriginalFilename(), dryRun, PoiParams.crs(crs));
            return ResponseEntity.accepted()
                    .location(URI.create("/api/pois/imports/" + job.id()))
                    .body(PoiImportView.of(job, messages, locale));
        }
    }

    @GetMapping(path = "/imports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public PoiImportView importJob(Actor actor, @PathVariable String id, Locale locale) {
        PoiImportId jobId = PoiImportId.parse(id).orElseThrow(() -> InvalidInput.of("id", "problem.poi-id", id));
        return PoiImportView.of(imports.get(actor, jobId), messages, locale);
    }

    /** Streams every POI the caller may see (optionally one class / one division) in the chosen format. */
    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(
            Actor actor,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(name = "class", required = false) String classCode,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String crs) {
        PoiExports.Prepared export = exports.prepare(
                actor,
                format,
                new PoiFilter(PoiParams.classCode(classCode), PoiParams.division(division)),
                PoiParams.crs(crs));
        StreamingResponseBody body = out -> export.writer().writeTo(out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(export.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.filename())
                                .build()
                                .toString())
                .body(body);
    }
}
