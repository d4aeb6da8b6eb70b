package org.cityos.casework.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.cityos.casework.DailyFigures;
import org.cityos.casework.HotSpot;
import org.cityos.casework.RatePeriod;
import org.cityos.casework.RateRow;

/** The words and number formats the workbook and the PDF share, so both read alike. */
final class DailyReportText {
    static final String TITLE = "城市运行管理日报";
    static final String SUMMARY = "概况";
    static final String RATES = "三率排名";
    static final String CATEGORIES = "高发类别";
    static final String HOT_SPOTS = "高频诉求";

    static final List<String> RATE_HEADERS =
            List.of("排名", "单位", "名称", "派遣", "按时签收", "回访", "解决", "评价", "满意", "基本满意", "响应率", "解决率", "满意率", "综合得分");
    static final List<String> HOT_SPOT_HEADERS =
            List.of("编号", "类别", "案件数", "经度", "纬度", "半径(米)", "首次", "最近", "状态", "街乡镇");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(RatePeriod.ZONE);

    private DailyReportText() {}

    static String title(DailyFigures f) {
        return TITLE + "（" + f.day() + "）";
    }

    static String subtitle(DailyFigures f) {
        return "生成时间 " + time(f.generatedAt()) + "（北京时间）；三率统计期 "
                + f.ratesPeriod().from() + " 至 " + f.ratesPeriod().to() + "，按派遣日期";
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** 0.8333… → "83.33%"; no rate → "—". */
    static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    static String score(Double composite) {
        return composite == null ? "—" : String.format(Locale.ROOT, "%.2f", composite * 100);
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    static List<String> rateCells(RateRow r) {
        return List.of(
                r.rank() == null ? "" : String.valueOf(r.rank()),
                orDash(r.key()),
                orDash(r.label()),
                String.valueOf(r.dispatched()),
                String.valueOf(r.signedInTime()),
                String.valueOf(r.followedUp()),
                String.valueOf(r.solved()),
                String.valueOf(r.rated()),
                String.valueOf(r.satisfied()),
                String.valueOf(r.basicallySatisfied()),
                percent(r.responseRate()),
                percent(r.resolutionRate()),
                percent(r.satisfactionRate()),
                score(r.composite()));
    }

    static List<String> hotSpotCells(HotSpot h) {
        return List.of(
                h.id(),
                h.categoryCode(),
                String.valueOf(h.caseCount()),
                String.format(Locale.ROOT, "%.6f", h.lon()),
                String.format(Locale.ROOT, "%.6f", h.lat()),
                String.format(Locale.ROOT, "%.0f", h.radiusMetres()),
                time(h.firstAt()),
                time(h.lastAt()),
                h.status().nameZh(),
                orDash(h.divisionCode()));
    }
}
