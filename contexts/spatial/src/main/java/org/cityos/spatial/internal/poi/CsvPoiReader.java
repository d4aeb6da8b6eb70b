package org.cityos.spatial.internal.poi;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cityos.spatial.PoiProblems.UnreadablePoiFile;

/** CSV in UTF-8 (optional BOM), comma separated, with a header row; streamed record by record. */
final class CsvPoiReader implements PoiFileReader {
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    @Override
    public void check(Path file) {
        try (Reader in = open(file);
                CSVParser parser = CSVParser.parse(in, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UnreadablePoiFile("empty file");
            }
            PoiColumns.map(records.next().toList());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadablePoiFile(reason(e));
        }
    }

    @Override
    public void read(Path file, PoiRowSink sink) {
        int rows = 0;
        try (Reader in = open(file);
                CSVParser parser = CSVParser.parse(in, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> headers = records.next().toList();
            List<String> fields = PoiColumns.map(headers);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                List<String> cells = new ArrayList<>(record.toList());
                rows++;
                sink.accept(PoiColumns.row(rows, headers, fields, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Broken(rows, reason(e), e);
        }
    }

    private static Reader open(Path file) throws IOException {
        // Malformed UTF-8 must stop the import with a reason instead of importing mojibake.
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static String reason(Exception e) {
        Throwable c = e;
        while (c.getCause() != null && !(c instanceof CharacterCodingException)) {
            c = c.getCause();
        }
        return c instanceof CharacterCodingException ? "not UTF-8 text" : String.valueOf(c.getMessage());
    }
}
