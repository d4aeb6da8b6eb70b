package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.iot.VideoFixture.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityos.iot.VideoChannelProblems.UnreadableChannelFile;
import org.cityos.iot.VideoChannelProblems.UnsupportedChannelFile;
import org.cityos.spatial.Crs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VideoChannelImportIT {
    static final String HEADER = "国标编码,名称,权属部门,经度,纬度,地址,状态,视频流地址,云台,标签\n";
    static VideoFixture f;

    @BeforeAll
    static void start() {
        f = new VideoFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private VideoChannelImportReport run(String csv, boolean dryRun) {
        return f.imports.run(
                POLICE_STEWARD,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "channels.csv",
                dryRun,
                Crs.WGS84);
    }

    @Test
    void badRowsAreReportedGoodRowsImportedAndReimportChangesNothing() {
        String csv = HEADER
                + "11011500001320000301,路口一,public-security,116.30,39.60,兴华大街,在线,rtsp://m.test.invalid/1,是,路口;主干道\n"
                + "11011500001320000302,路口二,public-security,116.55,39.65,,OFFLINE,rtsp://m.test.invalid/2,否,\n"
                + "11011600001320000303,外区,public-security,116.30,39.60,,,rtsp://m.test.invalid/3,,\n"
                + "11011500001320000304,坐标错,public-security,abc,39.60,,,rtsp://m.test.invalid/4,,\n"
                + "11011500001320000305,天安门,public-security,116.397,39.908,,,rtsp://m.test.invalid/5,,\n"
                + "11011500001320000301,重复,public-security,116.30,39.60,,,rtsp://m.test.invalid/1,,\n"
                + "11011500001320000306,无部门,nobody,116.30,39.60,,,rtsp://m.test.invalid/6,,\n"
                + "11011500001320000307,带密码,public-security,116.30,39.60,,,rtsp://u:p@m.test.invalid/7,,\n";
        VideoChannelImportReport dry = run(csv, true);
        assertThat(dry.rowsRead()).isEqualTo(8);
        assertThat(dry.created()).isEqualTo(2);
        assertThat(dry.failed()).isEqualTo(6);
        assertThat(
                        f.count(
                                "SELECT count(*) FROM iot_video_channel WHERE gb_id BETWEEN '11011500001320000301' AND '11011500001320000309'"))
                .as("a dry run writes nothing")
                .isZero();

        VideoChannelImportReport first = run(csv, false);
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.failed()).isEqualTo(6);
        assertThat(first.issues())
                .extracting(
                        VideoChannelImportIssue::row,
                        VideoChannelImportIssue::field,
                        VideoChannelImportIssue::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "gbId", "gb28181.centre-outside-district"),
                        org.assertj.core.groups.Tuple.tuple(4, "lon", "video.not-a-number"),
                        org.assertj.core.groups.Tuple.tuple(5, "row", "problem.video-channel-outside-district"),
                        org.assertj.core.groups.Tuple.tuple(6, "gbId", "video.gb-id-repeated"),
                        org.assertj.core.groups.Tuple.tuple(7, "department", "video.unknown-department"),
                        org.assertj.core.groups.Tuple.tuple(8, "streamUrl", "video.stream-url-credentials"));
        assertThat(
                        f.count(
                                "SELECT count(*) FROM iot_video_channel WHERE gb_id BETWEEN '11011500001320000301' AND '11011500001320000309'"))
                .isEqualTo(2);
        VideoChannel one = f.channels
                .list(
                        POLICE_STEWARD,
                        new VideoChannelFilter(null, null, null, null, "路口一"),
                        org.cityos.kernel.PageRequest.of(0, 5))
                .items()
                .get(0);
        assertThat(one.ptz()).isTrue();
        assertThat(one.tags()).containsExactly("路口", "主干道");
        assertThat(one.grid()).isEqualTo(GRID);

        VideoChannelImportReport again = run(csv, false);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(
                        f.count(
                                "SELECT count(*) FROM iot_video_channel WHERE gb_id BETWEEN '11011500001320000301' AND '11011500001320000309'"))
                .isEqualTo(2);
        assertThat(
                        f.count(
                                "SELECT max(version) FROM iot_video_channel WHERE gb_id BETWEEN '11011500001320000301' AND '11011500001320000309'"))
                .isZero();
        assertThat(
                        f.count(
                                "SELECT count(*) FROM audit_record WHERE action = 'iot.video-channel.import' AND target_id = 'import:channels.csv'"))
                .isEqualTo(2);

        String renamed = HEADER
                + "11011500001320000301,路口一(改),public-security,116.30,39.60,兴华大街,在线,rtsp://m.test.invalid/1,是,路口;主干道\n";
        VideoChannelImportReport changed = run(renamed, false);
        assertThat(changed.updated()).isOne();
        assertThat(f.count("SELECT version FROM iot_video_channel WHERE gb_id = '11011500001320000301'"))
                .isOne();
    }

    @Test
    void excelWorkbooksImportToo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("通道");
            String[] header = {"gb_id", "name", "department", "lon", "lat", "stream_url"};
            String[] row = {"11011500041320000311", "卡口", "traffic", "116.55", "39.65", "https://m.test.invalid/a.m3u8"
            };
            var h = sheet.createRow(0);
            var r = sheet.createRow(1);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
                r.createCell(i).setCellValue(row[i]);
            }
            book.write(out);
        }
        VideoChannelImportReport report =
                f.imports.run(ADMIN, new ByteArrayInputStream(out.toByteArray()), "通道.xlsx", false, Crs.WGS84);
        assertThat(report.created()).as(report.issues().toString()).isOne();
        assertThat(f.count(
                        "SELECT count(*) FROM iot_video_channel WHERE gb_id = '11011500041320000311'"
                                + " AND department = 'traffic' AND division_code = ?",
                        EAST.value()))
                .isOne();
    }

    @Test
    void unreadableFilesAreRefusedWhole() {
        assertThatThrownBy(() -> run("name,lon\n甲,1\n", false)).isInstanceOf(UnreadableChannelFile.class);
        assertThatThrownBy(() -> f.imports.run(
                        POLICE_STEWARD, new ByteArrayInputStream(new byte[] {1, 2}), "x.xlsx", false, Crs.WGS84))
                .isInstanceOf(UnreadableChannelFile.class);
        assertThatThrownBy(() -> f.imports.run(
                        POLICE_STEWARD, new ByteArrayInputStream(new byte[] {1}), "x.json", false, Crs.WGS84))
                .isInstanceOf(UnsupportedChannelFile.class);
    }

    @Test
    void rowsOutsideTheImportersScopeAreIssues() {
        String csv = HEADER + "11011500001320000321,东镇,public-security,116.55,39.65,,,rtsp://m.test.invalid/9,,\n";
        VideoChannelImportReport report = f.imports.run(
                WEST_STEWARD,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "c.csv",
                false,
                Crs.WGS84);
        assertThat(report.failed()).isOne();
        assertThat(report.issues())
                .extracting(VideoChannelImportIssue::messageKey)
                .containsExactly("problem.division-out-of-scope");
    }
}
