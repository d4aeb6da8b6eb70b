package org.cityos.casework.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
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
 * The daily report as a PDF. Its fonts are the project's own copies, embedded as subsets of the glyphs used: Droid
 * Sans Fallback ({@code fonts/DroidSansFallbackFull.ttf}, Apache-2.0) for Chinese, and DejaVu Sans
 * ({@code fonts/DejaVuSans.ttf}, Bitstream Vera licence) for digits and Latin letters, which the CJK font lacks.
 * The machine's fonts are never looked at, so every server makes the same document and every reader shows it.
 */
public final class DailyPdf {
    static final String CJK_FONT = "/fonts/DroidSansFallbackFull.ttf";
    static final String LATIN_FONT = "/fonts/DejaVuSans.ttf";
    private static final float MARGIN = 40;
    private static final float LANDSCAPE_WIDTH = PDRectangle.A4.getHeight();
    private static final float LANDSCAPE_HEIGHT = PDRectangle.A4.getWidth();

    // Read once (4 MB + 0.7 MB): each document parses them again to take its subset.
    private static volatile Face cjk;
    private static volatile Face latin;

    /** A font file's bytes and its Unicode map, to choose per character which font draws it. */
    private record Face(byte[] bytes, CmapLookup cmap) {
        boolean draws(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }

        static Face read(String resource) throws IOException {
            try (InputStream in = DailyPdf.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("the report font " + resource + " is missing from the class path");
                }
                byte[] bytes = in.readAllBytes();
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
                return new Face(bytes, font.getUnicodeCmapLookup());
            }
        }
    }

    private DailyPdf() {}

    public static byte[] write(DailyFigures f) {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            loadFaces();
            PDType0Font cjkFont = PDType0Font.load(doc, new ByteArrayInputStream(cjk.bytes()), true);
            PDType0Font latinFont = PDType0Font.load(doc, new ByteArrayInputStream(latin.bytes()), true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(DailyReportText.title(f));
            info.setCreator("CityOS");
            try (Pages pages = new Pages(doc, cjkFont, latinFont)) {
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

    private static synchronized void loadFaces() throws IOException {
        if (cjk == null) {
            cjk = Face.read(CJK_FONT);
            latin = Face.read(LATIN_FONT);
        }
    }

    private record Run(PDType0Font font, String text) {}

    /** Writes lines and simple tables top to bottom on landscape A4 pages, starting a new page when one is full. */
    private static final class Pages implements AutoCloseable {
        private final PDDocument doc;
        private final PDType0Font cjkFont;
        private final PDType0Font latinFont;
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument doc, PDType0Font cjkFont, PDType0Font latinFont) throws IOException {
            this.doc = doc;
            this.cjkFont = cjkFont;
            this.latinFont = latinFont;
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
            stream.newLineAtOffset(x, baseline);
            for (Run run : runs(text)) {
                stream.setFont(run.font(), size);
                stream.showText(run.text());
            }
            stream.endText();
        }

        /** Cuts a cell's text to its column, so long names do not run into the next one. */
        private String fit(String text, float width, float size) throws IOException {
            String s = text;
            while (!s.isEmpty() && width(s, size) > width) {
                s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
            }
            return s;
        }

        private float width(String text, float size) throws IOException {
            float w = 0;
            for (Run run : runs(text)) {
                w += run.font().getStringWidth(run.text()) / 1000 * size;
            }
            return w;
        }

        /**
         * The text cut where the font changes: Chinese from the CJK font, the rest from the Latin one, and a character
         * neither has becomes "?" instead of failing the whole report.
         */
        private List<Run> runs(String text) {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            PDType0Font font = null;
            for (int cp : text.codePoints().toArray()) {
                PDType0Font wanted;
                String ch;
                if (cjk.draws(cp)) {
                    wanted = cjkFont;
                    ch = new String(Character.toChars(cp));
                } else {
                    wanted = latinFont;
                    ch = latin.draws(cp) ? new String(Character.toChars(cp)) : "?";
                }
                if (wanted != font && current.length() > 0) {
                    runs.add(new Run(font, current.toString()));
                    current.setLength(0);
                }
                font = wanted;
                current.append(ch);
            }
            if (current.length() > 0) {
                runs.add(new Run(font, current.toString()));
            }
            return runs;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
