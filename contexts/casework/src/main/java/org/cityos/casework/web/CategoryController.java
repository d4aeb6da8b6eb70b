package org.cityos.casework.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.cityos.casework.Categories;
import org.cityos.casework.Category;
import org.cityos.casework.CategoryDraft;
import org.cityos.casework.CategoryImportReport;
import org.cityos.casework.CategoryKind;
import org.cityos.casework.CategoryProblems.CategoryFileTooLarge;
import org.cityos.casework.CategoryProblems.CategoryImportRejected;
import org.cityos.casework.CategoryProperties;
import org.cityos.casework.CategorySuggestion;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.context.MessageSource;
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

/**
 * Case categories over HTTP: the tree (nested, or flat by kind or parent), one category with its version as ETag,
 * add, rename (If-Match), switch off, import and export files, and suggestions for a text.
 */
@RestController
@RequestMapping(path = "/api/casework/categories", produces = MediaType.APPLICATION_JSON_VALUE)
public class CategoryController {
    private final Categories categories;
    private final CategoryProperties properties;
    private final MessageSource messages;

    public CategoryController(Categories categories, CategoryProperties properties, MessageSource messages) {
        this.categories = categories;
        this.properties = properties;
        this.messages = messages;
    }

    /** The body of POST and PUT (on PUT, {@code code}, {@code parentCode} and {@code kind} may be left out). */
    public record CategoryRequest(String code, String parentCode, String kind, String name, String nameEn) {
        CategoryDraft draft() {
            return new CategoryDraft(code, parentCode, kind == null ? null : CategoryParams.kind(kind), name, nameEn);
        }
    }

    /** The body of a suggestion request; {@code limit} defaults to 5. */
    public record SuggestRequest(String text, Integer limit) {}

    /**
     * Without filters: the active tree, nested. With {@code kind} and/or {@code parent} (empty for the top levels) or
     * {@code flat=true}: a flat list in tree order.
     */
    @GetMapping
    public List<?> list(
            Actor actor,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String parent,
            @RequestParam(defaultValue = "false") boolean flat,
            @RequestParam(defaultValue = "false") boolean includeInactive) {
        CategoryKind k = kind == null || kind.isBlank() ? null : CategoryParams.kind(kind);
        if (k == null && parent == null && !flat) {
            List<Category> all = includeInactive ? categories.list(actor, null, null, true) : categories.tree(actor);
            return CategoryNode.nest(all);
        }
        return categories.list(actor, k, parent == null ? null : parent.strip(), includeInactive);
    }

    @GetMapping("/{code}")
    public ResponseEntity<Category> get(Actor actor, @PathVariable String code) {
        return tagged(ResponseEntity.ok(), categories.get(actor, code));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Category> create(Actor actor, @RequestBody CategoryRequest request) {
        Category created = categories.create(actor, request.draft());
        return tagged(
                ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/casework/categories/" + created.code())),
                created);
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Category> change(
            Actor actor,
            @PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody CategoryRequest request) {
        Integer expected = CategoryParams.version(ifMatch);
        if (expected == null) {
            throw InvalidInput.of(HttpHeaders.IF_MATCH, "category.version-required");
        }
        return tagged(ResponseEntity.ok(), categories.change(actor, code, expected, request.draft()));
    }

    @PostMapping("/{code}/deactivate")
    public ResponseEntity<Category> deactivate(
            Actor actor,
            @PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(ResponseEntity.ok(), categories.deactivate(actor, code, CategoryParams.version(ifMatch)));
    }

    /**
     * Imports a CSV or .xlsx file. A dry run answers the report, errors included; a real import with errors is a
     * 400 naming each faulty cell ({@code rows[<row>].<column>}) and writes nothing.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public CategoryImportView importTree(
            Actor actor,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean replace,
            Locale locale)
            throws IOException {
        if (file.getSize() > properties.maxImportSize().toBytes()) {
            throw new CategoryFileTooLarge(properties.maxImportSize().toBytes());
        }
        if (file.isEmpty()) {
            throw InvalidInput.of("file", "validation.required");
        }
        CategoryImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = categories.importTree(actor, in, file.getOriginalFilename(), replace, dryRun);
        }
        if (!dryRun && !report.errors().isEmpty()) {
            throw new CategoryImportRejected(report);
        }
        return CategoryImportView.of(report, messages, locale);
    }

    @GetMapping(path = "/export", produces = "text/csv")
    public ResponseEntity<byte[]> export(Actor actor) {
        byte[] body = categories.export(actor).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("categories.csv")
                                .build()
                                .toString())
                .body(body);
    }

    @PostMapping(path = "/suggest", consumes = MediaType.APPLICATION_JSON_VALUE)
    public List<CategorySuggestion> suggest(Actor actor, @RequestBody SuggestRequest request) {
        return categories.suggest(actor, request.text(), request.limit() == null ? 5 : request.limit());
    }

    private static ResponseEntity<Category> tagged(ResponseEntity.BodyBuilder builder, Category c) {
        return builder.eTag("\"" + c.version() + "\"").body(c);
    }
}
