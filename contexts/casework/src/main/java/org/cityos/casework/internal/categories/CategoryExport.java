package org.cityos.casework.internal.categories;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cityos.casework.Category;

/** Writes the tree as the CSV the import reads: parents before children, switched-off categories marked. */
public final class CategoryExport {
    private CategoryExport() {}

    public static String csv(CategoryTree tree) {
        StringWriter out = new StringWriter();
        // The BOM makes Excel read the file as UTF-8; the import skips it.
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(
                    CategoryFile.CODE,
                    CategoryFile.PARENT,
                    CategoryFile.KIND,
                    CategoryFile.NAME,
                    CategoryFile.NAME_EN,
                    CategoryFile.ACTIVE);
            for (Category c : tree.preorder()) {
                csv.printRecord(
                        c.code(),
                        c.parentCode() == null ? "" : c.parentCode(),
                        c.kind().name(),
                        c.name(),
                        c.nameEn() == null ? "" : c.nameEn(),
                        c.active());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
