package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.iot.VideoFixture.*;

import java.time.Duration;
import java.util.List;
import org.cityos.iot.VideoChannelProblems.ChannelOutsideDistrict;
import org.cityos.iot.VideoChannelProblems.GbIdTaken;
import org.cityos.iot.VideoChannelProblems.UnknownVideoChannel;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VideoChannelsIT {
    static VideoFixture f;

    @BeforeAll
    static void start() {
        f = new VideoFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void createPlacesAuditsAndWithholdsTheStream() {
        VideoChannel c =
                f.channels.create(POLICE_STEWARD, draft("11011500001320000101", "兴华大街路口东向", POLICE, WEST_GRID_POINT));
        assertThat(c.division()).isEqualTo(COMMUNITY);
        assertThat(c.grid()).isEqualTo(GRID);
        assertThat(c.typeCode()).isEqualTo("132");
        assertThat(c.version()).isZero();
        assertThat(c.streamUrl()).isNull();
        assertThat(f.channels.get(POLICE_VIEWER, c.id()).streamUrl()).isNull();
        assertThat(f.count(
                        "SELECT count(*) FROM iot_video_channel WHERE id = ? AND stream_url LIKE 'rtsp://%'",
                        c.id().value()))
                .isOne();
        assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE action = 'iot.video-channel.create' AND target_id = ?",
                        c.id().toString()))
                .isOne();
        assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE target_id = ? AND details::text LIKE '%rtsp%'",
                        c.id().toString()))
                .isZero();
    }

    @Test
    void duplicateGbIdIsAConflict() {
        f.channels.create(POLICE_STEWARD, draft("11011500001320000102", "甲", POLICE, WEST_GRID_POINT));
        assertThatThrownBy(
                        () -> f.channels.create(POLICE_STEWARD, draft("11011500001320000102", "乙", POLICE, EAST_POINT)))
                .isInstanceOf(GbIdTaken.class);
    }

    @Test
    void badFieldsAreReportedTogether() {
        VideoChannelDraft bad = new VideoChannelDraft(
                "11011600001320000001",
                " ",
                "no-such-dept",
                WEST_GRID_POINT,
                null,
                null,
                "rtsp://admin:pw@10.0.0.1/live",
                false,
                List.of("a", "a"));
        assertThatThrownBy(() -> f.channels.create(POLICE_STEWARD, bad))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(FieldIssue::field, FieldIssue::messageKey)
                                .contains(
                                        org.assertj.core.groups.Tuple.tuple("name", "validation.required"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "streamUrl", "video.stream-url-credentials"),
                                        org.assertj.core.groups.Tuple.tuple("tags", "video.tag-repeated"),
                                        org.assertj.core.groups.Tuple.tuple("gbId", "gb28181.centre-outside-district"),
                                        org.assertj.core.groups.Tuple.tuple("department", "video.unknown-department")));
    }

    @Test
    void aPlatformIdIsNotAChannel() {
        assertThatThrownBy(() -> f.channels.create(
                        POLICE_STEWARD, draft("11011500002000000001", "信令服务器", POLICE, WEST_GRID_POINT)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(FieldIssue::messageKey)
                                .containsExactly("gb28181.not-a-channel-type"));
    }

    @Test
    void outsideTheDistrictIsRefused() {
        assertThatThrownBy(() ->
                        f.channels.create(POLICE_STEWARD, draft("11011500001320000103", "天安门", POLICE, TIANANMEN)))
                .isInstanceOf(ChannelOutsideDistrict.class);
    }

    @Test
    void writesAndReadsStayInScope() {
        assertThatThrownBy(
                        () -> f.channels.create(WEST_STEWARD, draft("11011500001320000104", "东镇", POLICE, EAST_POINT)))
                .isInstanceOf(AccessDenied.class);
        VideoChannel east =
                f.channels.create(POLICE_STEWARD, draft("11011500001320000105", "东镇路口", POLICE, EAST_POINT));
        assertThatThrownBy(() -> f.channels.get(WEST_STEWARD, east.id())).isInstanceOf(UnknownVideoChannel.class);
        assertThat(f.channels.get(EAST_POLICE, east.id()).name()).isEqualTo("东镇路口");
        assertThatThrownBy(() -> f.channels.change(
                        WEST_STEWARD, east.id(), 0, draft("11011500001320000105", "改名", POLICE, EAST_POINT)))
                .isInstanceOf(UnknownVideoChannel.class);
        assertThatThrownBy(() ->
                        f.channels.create(POLICE_VIEWER, draft("11011500001320000106", "无写权限", POLICE, EAST_POINT)))
                .isInstanceOf(AccessDenied.class);
        assertThat(f.channels
                        .list(WEST_STEWARD, VideoChannelFilter.all(), PageRequest.of(0, 1000))
                        .items())
                .extracting(VideoChannel::id)
                .doesNotContain(east.id());
    }

    @Test
    void changeChecksTheVersionAndTracksStatusTime() {
        VideoChannel c =
                f.channels.create(POLICE_STEWARD, draft("11011500001320000107", "原名", POLICE, WEST_GRID_POINT));
        f.clock.advance(Duration.ofHours(1));
        VideoChannelDraft renamed = new VideoChannelDraft(
                "11011500001320000107",
                "新名",
                POLICE.value(),
                WEST_GRID_POINT,
                null,
                VideoChannelStatus.ONLINE,
                null,
                false,
                List.of());
        VideoChannel changed = f.channels.change(POLICE_STEWARD, c.id(), 0, renamed);
        assertThat(changed.version()).isOne();
        assertThat(changed.statusChangedAt()).isEqualTo(c.statusChangedAt());
        assertThat(f.count(
                        "SELECT count(*) FROM iot_video_channel WHERE id = ? AND stream_url LIKE '%000107'",
                        c.id().value()))
                .as("a missing stream address keeps the stored one")
                .isOne();
        assertThatThrownBy(() -> f.channels.change(POLICE_STEWARD, c.id(), 0, renamed))
                .isInstanceOf(ConcurrentChange.class);
        f.clock.advance(Duration.ofHours(1));
        VideoChannelDraft faulty = new VideoChannelDraft(
                "11011500001320000107",
                "新名",
                POLICE.value(),
                WEST_GRID_POINT,
                null,
                VideoChannelStatus.FAULTY,
                null,
                false,
                List.of());
        VideoChannel broken = f.channels.change(POLICE_STEWARD, c.id(), 1, faulty);
        assertThat(broken.status()).isEqualTo(VideoChannelStatus.FAULTY);
        assertThat(broken.statusChangedAt()).isEqualTo(f.clock.instant());
        assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE action = 'iot.video-channel.change' AND target_id = ?",
                        c.id().toString()))
                .isEqualTo(2);
    }

    @Test
    void changingToATakenGbIdIsAConflict() {
        f.channels.create(POLICE_STEWARD, draft("11011500001320000108", "甲", POLICE, WEST_GRID_POINT));
        VideoChannel b = f.channels.create(POLICE_STEWARD, draft("11011500001320000109", "乙", POLICE, WEST_GRID_POINT));
        assertThatThrownBy(() -> f.channels.change(
                        POLICE_STEWARD, b.id(), 0, draft("11011500001320000108", "乙", POLICE, WEST_GRID_POINT)))
                .isInstanceOf(GbIdTaken.class);
    }

    @Test
    void listFiltersByDivisionDepartmentStatusTypeAndName() {
        f.channels.create(TRAFFIC_STEWARD, draft("11011500041310000110", "卡口摄像机甲", TRAFFIC, EAST_POINT));
        VideoChannelDraft offline = new VideoChannelDraft(
                "11011500041320000111",
                "卡口摄像机乙",
                TRAFFIC.value(),
                WEST_GRID_POINT,
                null,
                VideoChannelStatus.OFFLINE,
                "rtsp://m.test.invalid/x",
                false,
                List.of());
        f.channels.create(TRAFFIC_STEWARD, offline);
        PageRequest page = PageRequest.of(0, 100);
        assertThat(f.channels
                        .list(POLICE_VIEWER, new VideoChannelFilter(null, TRAFFIC, null, null, null), page)
                        .items())
                .extracting(VideoChannel::gbId)
                .containsExactly("11011500041310000110", "11011500041320000111");
        assertThat(f.channels
                        .list(POLICE_VIEWER, new VideoChannelFilter(EAST, TRAFFIC, null, null, null), page)
                        .items())
                .extracting(VideoChannel::gbId)
                .containsExactly("11011500041310000110");
        assertThat(f.channels
                        .list(POLICE_VIEWER, new VideoChannelFilter(GRID, TRAFFIC, null, null, null), page)
                        .items())
                .extracting(VideoChannel::gbId)
                .containsExactly("11011500041320000111");
        assertThat(f.channels
                        .list(
                                POLICE_VIEWER,
                                new VideoChannelFilter(null, null, VideoChannelStatus.OFFLINE, "132", "摄像机乙"),
                                page)
                        .items())
                .extracting(VideoChannel::gbId)
                .containsExactly("11011500041320000111");
        assertThat(f.channels
                        .list(POLICE_VIEWER, new VideoChannelFilter(null, TRAFFIC, null, "131", "%"), page)
                        .total())
                .as("% in q is a literal, not a wildcard")
                .isZero();
        var first = f.channels.list(
                POLICE_VIEWER, new VideoChannelFilter(null, TRAFFIC, null, null, null), PageRequest.of(1, 1));
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.items()).extracting(VideoChannel::gbId).containsExactly("11011500041320000111");
        assertThat(DivisionCode.of("110115000000").prefix()).isEqualTo("110115");
    }

    @Test
    void syntheticChannelsLoadInBulk() {
        VideoChannelPlacer placer = VideoChannelPlacer.of(f.context.getBean(org.cityos.spatial.Places.class), DISTRICT);
        List<VideoChannelDraft> drafts = SyntheticChannels.generate(11, 300, placer, List.of(CITY));
        assertThat(f.channels.loadAll(ADMIN, drafts, "synthetic:11", true)).isEqualTo(300);
        assertThat(f.count("SELECT count(*) FROM iot_video_channel WHERE synthetic AND source = 'synthetic:11'"))
                .isEqualTo(300);
        assertThat(f.channels
                        .list(ADMIN, new VideoChannelFilter(EAST, null, null, null, "合成"), PageRequest.of(0, 1))
                        .total())
                .isPositive();
    }
}
