package org.cityos.spatial.internal.poi;

import java.util.Locale;
import java.util.Optional;

/** The file formats POIs are imported from and exported to. */
public enum PoiFileFormat {
    CSV("csv", "text/csv;charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    GEOJSON("geojson", "application/geo+json");

    private final String extension;
    private final String mediaType;

    PoiFileFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** By the file name's extension ({@code .json} counts as GeoJSON); empty for anything else. */
    public static Optional<PoiFileFormat> ofFilename(String filename) {
        String n = filename == null ? "" : filename.strip().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv") || n.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (n.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        if (n.endsWith(".geojson") || n.endsWith(".json")) {
            return Optional.of(GEOJSON);
        }
        return Optional.empty();
    }

    /** By the {@code format} parameter of an export. */
    public static Optional<PoiFileFormat> parse(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(CSV);
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (PoiFileFormat f : values()) {
            if (f.extension.equals(n) || (f == GEOJSON && n.equals("json"))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public PoiFileReader reader() {
        return switch (this) {
            case CSV -> new CsvPoiReader();
            case XLSX -> new XlsxPoiReader();
            case GEOJSON -> new GeoJsonPoiReader();
        };
    }
}
