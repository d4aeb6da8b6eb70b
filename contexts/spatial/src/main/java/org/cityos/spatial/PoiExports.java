package org.cityos.spatial;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.internal.poi.PoiFileFormat;
import org.cityos.spatial.internal.poi.PoiFileWriter;
import org.cityos.spatial.persistence.PoiClassRepository;
import org.cityos.spatial.persistence.PoiRepository;
import org.springframework.stereotype.Service;

/**
 * Streams the POIs a caller may see as CSV, Excel or GeoJSON, page by page in id order, so an
 * export of every POI never sits in memory as a whole.
 */
@Service
public class PoiExports {
    private static final int PAGE = 1000;
    private final PoiRepository repository;
    private final PoiClassRepository classes;
    private final PoiSearch search;

    public PoiExports(PoiRepository repository, PoiClassRepository classes, PoiSearch search) {
        this.repository = repository;
        this.classes = classes;
        this.search = search;
    }

    /** An export checked and ready to write: format and scope are settled before the first byte. */
    public record Prepared(String format, String mediaType, String filename, Writer writer) {}

    /** Writes the export to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out);
    }

    /** Checks permission, format, class and division at once, so errors are problems and not broken downloads. */
    public Prepared prepare(Actor actor, String format, PoiFilter filter, Crs crs) {
        PoiFileFormat f = PoiFileFormat.parse(format)
                .orElseThrow(() -> InvalidInput.of("format", "problem.poi-export-format", String.valueOf(format)));
        List<String> scope = search.scope(actor, filter);
        Map<String, String> names =
                classes.all().stream().collect(Collectors.toMap(PoiClass::code, PoiClass::nameZh, (a, b) -> a));
        Function<Poi, String> className = p -> names.get(p.classCode());
        return new Prepared(f.extension(), f.mediaType(), "pois." + f.extension(), out -> {
            try (PoiFileWriter writer = PoiFileWriter.open(f, out, crs.name())) {
                UUID after = new UUID(0, 0);
                for (List<Poi> page = repository.after(after, filter, scope, PAGE);
                        !page.isEmpty();
                        page = repository.after(after, filter, scope, PAGE)) {
                    for (Poi p : page) {
                        writer.write(p, crs.fromWgs84(p.location()), className.apply(p));
                    }
                    after = page.get(page.size() - 1).id().value();
                }
            }
        });
    }
}
