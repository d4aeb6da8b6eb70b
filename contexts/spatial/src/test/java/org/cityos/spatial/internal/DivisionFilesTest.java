package org.cityos.spatial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.DivisionRow;
import org.junit.jupiter.api.Test;

class DivisionFilesTest {

    @Test
    void readsCsvWithChineseHeadersAndABom() {
        String csv = "\uFEFF代码,名称,类型,备注\n110115005012,枣园社区,社区,x\n\n110115005013,\"海子角社区\",COMMUNITY,\n";
        List<DivisionRow> rows = DivisionFiles.read(stream(csv), "areas.csv");
        assertThat(rows)
                .containsExactly(
                        new DivisionRow(1, "110115005012", "枣园社区", "社区"),
                        new DivisionRow(2, "110115005013", "海子角社区", "COMMUNITY"));
    }

    @Test
    void readsExcel() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("区划");
            String[][] cells = {{"code", "name", "kind"}, {"110115005012", "枣园社区", "社区"}, {"1101", "坏", "村"}};
            for (int r = 0; r < cells.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < 3; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            book.write(out);
        }
        List<DivisionRow> rows = DivisionFiles.read(new ByteArrayInputStream(out.toByteArray()), "areas.xlsx");
        assertThat(rows)
                .containsExactly(
                        new DivisionRow(1, "110115005012", "枣园社区", "社区"), new DivisionRow(2, "1101", "坏", "村"));
    }

    @Test
    void refusesFilesWithoutTheNeededColumnsOrOfOtherTypes() {
        assertThatThrownBy(() -> DivisionFiles.read(stream("a,b\n1,2\n"), "x.csv"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> DivisionFiles.read(stream("MZ\u0090\u0000"), "tool.exe"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> DivisionFiles.read(stream("not a zip"), "x.xlsx"))
                .isInstanceOf(InvalidInput.class);
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
