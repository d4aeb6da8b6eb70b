package org.cityos.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.cityos.catalog.Catalog;
import org.cityos.catalog.CatalogEntry;
import org.cityos.catalog.CatalogFiles;
import org.cityos.catalog.CatalogProblems.CatalogFileTooLarge;
import org.cityos.catalog.CatalogProperties;
import org.cityos.catalog.ImportReport;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Catalogue entries over HTTP: search, one entry with its version as ETag, history, create, change and
 * retire (If-Match), import (all-or-nothing) and export of CSV/xlsx.
 */
@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
public class CatalogController {
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Catalog catalog;
    private final CatalogFiles files;
    private final CatalogProperties properties;

    public CatalogController(Catalog catalog, CatalogFiles files, CatalogProperties properties) {
        this.catalog = catalog;
        this.files = files;
        this.properties = properties;
    }

    /** The body of a retirement. */
    public record RetireRequest(String reason) {}

    @GetMapping("/entries")
    public Page<CatalogEntry> search(
            Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String sharingType,
            @RequestParam(required = false) String openType,
            @RequestParam(name = "class", required = false) Integer resourceClass,
            @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return catalog.search(
                actor,
                CatalogParams.query(q, department, sharingType, openType, resourceClass, includeRetired),
                PageRequest.of(offset, limit));
    }

    @GetMapping("/entries/{code}")
    public ResponseEntity<CatalogEntry> get(
            Actor actor, @PathVariable String code, @RequestParam(defaultValue = "false") boolean unmask) {
        return tagged(ResponseEntity.ok(), catalog.get(actor, code, unmask));
    }

    @GetMapping("/entries/{code}/history")
    public List<CatalogEntry> history(
            Actor actor, @PathVariable String code, @RequestParam(defaultValue = "false") boolean unmask) {
        return catalog.history(actor, code, unmask);
    }

    @PostMapping(path = "/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CatalogEntry> create(Actor actor, @RequestBody EntryRequest request) {
        CatalogEntry created = catalog.create(actor, request.draft(null));
        return tagged(
                ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/catalog/entries/" + created.code())),
                created);
    }

    @PutMapping(path = "/entries/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CatalogEntry> change(
            Actor actor,
            @PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody EntryRequest request) {
        int expected = CatalogParams.version(ifMatch);
        return tagged(
                ResponseEntity.ok(), catalog.change(actor, code, expected, request.draft(code), request.reason()));
    }

    @PostMapping(path = "/entries/{code}/retire", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CatalogEntry> retire(
            Actor actor,
            @PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody RetireRequest request) {
        int expected = CatalogParams.version(ifMatch);
        return tagged(ResponseEntity.ok(), catalog.retire(actor, code, expected, request.reason()));
    }

    /**
     * Imports a CSV or .xlsx file, all or nothing: a dry run answers the report, errors included; a real import
     * with any error is a 400 naming each faulty cell ({@code rows[<row>].<column>}) and writes nothing.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportReport importFile(
            Actor actor, @RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        if (file.getSize() > properties.maxImportSize().toBytes()) {
            throw new CatalogFileTooLarge(properties.maxImportSize().toBytes());
        }
        if (file.isEmpty()) {
            throw InvalidInput.of("file", "catalog.validation.required");
        }
        try (InputStream in = file.getInputStream()) {
            return files.importFile(actor, in, file.getOriginalFilename(), dryRun);
        }
    }

    /** The current entries matching the filters as CSV (default) or xlsx, in the import's columns. */
    @GetMapping(
            path = "/export",
            produces = {"text/csv", "application/octet-stream", "*/*"})
    public ResponseEntity<StreamingResponseBody> export(
            Actor actor,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String sharingType,
            @RequestParam(required = false) String openType,
            @RequestParam(name = "class", required = false) Integer resourceClass,
            @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(defaultValue = "false") boolean unmask) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        if (!xlsx && !"csv".equalsIgnoreCase(format)) {
            throw InvalidInput.of("format", "catalog.validation.unknown-param", format);
        }
        List<CatalogEntry> entries = catalog.list(
                actor,
                CatalogParams.query(q, department, sharingType, openType, resourceClass, includeRetired),
                unmask);
        StreamingResponseBody body = out -> {
            if (xlsx) {
                CatalogFiles.writeXlsx(entries, out);
            } else {
                CatalogFiles.writeCsv(entries, out);
            }
        };
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(xlsx ? "catalog.xlsx" : "catalog.csv")
                                .build()
                                .toString())
                .body(body);
    }

    private static ResponseEntity<CatalogEntry> tagged(ResponseEntity.BodyBuilder builder, CatalogEntry e) {
        return builder.eTag("\"" + e.version() + "\"").body(e);
    }
}
