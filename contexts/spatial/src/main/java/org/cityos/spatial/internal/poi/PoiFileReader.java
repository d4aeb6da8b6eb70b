package org.cityos.spatial.internal.poi;

import java.nio.file.Path;

/** Streams the rows of one kind of POI file. */
public interface PoiFileReader {
    /**
     * Reads just enough to know the file can be imported at all (a header with the required columns,
     * a workbook, a FeatureCollection); throws {@code UnreadablePoiFile} otherwise.
     */
    void check(Path file);

    /**
     * Feeds every data row to {@code sink}, in file order, holding one row at a time. A file that
     * breaks part-way throws {@link Broken} naming the last row read whole.
     */
    void read(Path file, PoiRowSink sink);

    /** The file stopped being readable after {@code rowsRead} data rows. */
    final class Broken extends RuntimeException {
        private final int rowsRead;

        public Broken(int rowsRead, String reason, Throwable cause) {
            super(reason, cause);
            this.rowsRead = rowsRead;
        }

        public int rowsRead() {
            return rowsRead;
        }
    }
}
