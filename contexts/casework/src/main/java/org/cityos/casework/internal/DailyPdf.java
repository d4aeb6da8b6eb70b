package org.cityos.casework.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.cityos.casework.DailyFigures;
import org.cityos.casework.HotSpot;
import org.cityos.casework.RateRow;

/**
 * The daily report as a PDF. The CJK font is the project's own copy of Droid Sans Fallback
 * ({@code fonts/DroidSansFallbackFull.ttf}, Apache-2.0, licence beside it), embedded as a subset of the glyphs used:
 * the machine's fonts are never looked at, so every server makes the same document and every reader shows it.
 */
public final class DailyPdf {
    static final String FONT = "/fonts/DroidSansFallbackFull.ttf";
    private static final float MARGIN = 40;
    private static final float LANDSCAPE_WIDTH = PDRectangle.A4.getHeight();
    private static final float LANDSCAPE_HEIGHT = PDRectangle.A4.getWidth();

    // Read once (4 MB): parsing per document is cheap next to reading the jar entry again.
    private static volatile byte[] fontBytes;

    private DailyPdf() {}

    public static byte[] write(DailyFigures f) {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc, new ByteArrayInputStream(font()), true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(DailyReportText.title(f));
            info.setCreator("CityOS");
            try (Pages pages = new Pages(doc, font)) {
                pages.line(DailyReportText.title(f), 16);
                pages.line(DailyReportText.subtitle(f), 9);
                pages.gap();
                pages.line(DailyReportText.SUMMARY, 12);
                pages.line(
                        "受理 " + f.received() + "　派遣 " + f.dispatched() + "　办结 " + f.closed() + "　超期 " + f.overdue(),
                        10);
                StringBuilder channels = new StringBuilder("按渠道：");
                for (DailyFigures.ChannelCount c : f.intake()) {
                    channels.append(c.channel().nameZh())
                            .append(' ')
                            .append(c.count())
                            .append("　");
                }
                pages.line(channels.toString(), 10);
                pages.gap();
                pages.line(DailyReportText.RATES, 12);
                List<List<String>> rates = new ArrayList<>();
                rates.add(DailyReportText.RATE_HEADERS);
                for (RateRow r : f.units()) {
                    rates.add(DailyReportText.rateCells(r));
                }
                pages.table(rates, new float[] {28, 90, 90, 34, 44, 34, 34, 34, 34, 44, 50, 50, 50, 50}, 8);
                pages.gap();
                pages.line(DailyReportText.CATEGORIES, 12);
                List<List<String>> categories = new ArrayList<>();
                categories.add(List.of("类别代码", "受理数"));
                for (DailyFigures.CategoryCount c : f.topCategories()) {
                    categories.add(List.of(DailyReportText.orDash(c.categoryCode()), String.valueOf(c.count())));
                }
                pages.table(categories, new float[] {120, 60}, 9);
                pages.gap();
                pages.line(DailyReportText.HOT_SPOTS, 12);
                List<List<String>> spots = new ArrayList<>();
                spots.add(DailyReportText.HOT_SPOT_HEADERS);
                for (HotSpot h : f.hotSpots()) {
                    spots.add(DailyReportText.hotSpotCells(h));
                }
                pages.table(spots, new float[] {100, 60, 40, 62, 62, 50, 80, 80, 44, 80}, 8);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = DailyPdf.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("the report font " + FONT + " is missing from the class path");
                }
                bytes = in.readAllBytes();
            }
            fontBytes = bytes;
        }
        return bytes;
    }

    /** Writes lines and simple tables top to bottom on landscape A4 pages, starting a new page when one is full. */
    private static final class Pages implements AutoCloseable {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        void line(String text, float size) throws IOException {
            room(size * 1.6f);
            write(text, MARGIN, y - size, size);
            y -= size * 1.6f;
        }

        void gap() {
            y -= 6;
        }

        void table(List<List<String>> rows, float[] widths, float size) throws IOException {
            float height = size * 1.8f;
            for (List<String> row : rows) {
                room(height);
                float x = MARGIN;
                for (int i = 0; i < row.size() && i < widths.length; i++) {
                    write(fit(row.get(i), widths[i] - 3, size), x, y - size * 1.2f, size);
                    x += widths[i];
                }
                stream.moveTo(MARGIN, y - height);
                stream.lineTo(x, y - height);
                stream.setLineWidth(0.3f);
                stream.stroke();
                y -= height;
            }
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(new PDRectangle(LANDSCAPE_WIDTH, LANDSCAPE_HEIGHT));
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = LANDSCAPE_HEIGHT - MARGIN;
        }

        private void write(String text, float x, float baseline, float size) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(printable(text));
            stream.endText();
        }

        /** Cuts a cell's text to its column, so long names do not run into the next one. */
        private String fit(String text, float width, float size) throws IOException {
            String s = printable(text);
            while (!s.isEmpty() && font.getStringWidth(s) / 1000 * size > width) {
                s = s.substring(0, s.length() - 1);
            }
            return s;
        }

        /** Characters the font lacks become "?" instead of failing the whole report. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
