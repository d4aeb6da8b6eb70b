package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.iot.VideoFixture.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cityos.iot.VideoChannelProblems.ChannelDecommissioned;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChannelAccessIT {
    static VideoFixture f;

    @BeforeAll
    static void start() {
        f = new VideoFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private VideoChannel channel(String gbId) {
        return f.channels.create(POLICE_STEWARD, draft(gbId, "通道" + gbId.substring(14), POLICE, WEST_GRID_POINT));
    }

    private long logged(VideoChannel c, boolean allowed) {
        return f.count(
                "SELECT count(*) FROM iot_video_access WHERE channel_id = ? AND allowed = ?", c.id().value(), allowed);
    }

    private long audited(VideoChannel c, boolean allowed) {
        return f.count(
                "SELECT count(*) FROM audit_record WHERE action = 'iot.video-channel.open' AND target_id = ?"
                        + " AND (details->>'allowed')::boolean = ?",
                c.id().toString(),
                allowed);
    }

    @Test
    void theOwnerOpensAndTheOpeningIsLoggedAndAudited() {
        VideoChannel c = channel("11011500001320000201");
        ChannelAccessSession s = f.access.open(POLICE_VIEWER, c.id(), "巡查");
        assertThat(s.streamUrl()).isEqualTo("rtsp://media.test.invalid/live/11011500001320000201");
        assertThat(logged(c, true)).isOne();
        assertThat(audited(c, true)).isOne();
        var log = f.access.log(POLICE_VIEWER, c.id(), PageRequest.of(0, 10));
        assertThat(log.items()).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo("police-viewer");
            assertThat(e.purpose()).isEqualTo("巡查");
            assertThat(e.reason()).isEqualTo("OWNER");
            assertThat(e.departments()).containsExactly("public-security");
            assertThat(e.occurredAt()).isEqualTo(f.clock.instant());
        });
    }

    @Test
    void anotherDepartmentIsRefusedButTheRefusalIsKept() {
        VideoChannel c = channel("11011500001320000202");
        assertThatThrownBy(() -> f.access.open(TRAFFIC_VIEWER, c.id(), "查看路况")).isInstanceOf(AccessDenied.class);
        assertThat(logged(c, false)).as("the refusal survives the 403").isOne();
        assertThat(audited(c, false)).isOne();
        assertThat(logged(c, true)).isZero();
        assertThat(f.channels.viewable(TRAFFIC_VIEWER, List.of(c))).isEmpty();
    }

    @Test
    void aGrantAllowsViewingUntilItExpires() {
        VideoChannel c = channel("11011500001320000203");
        Instant expiry = f.clock.instant().plus(Duration.ofDays(7));
        ChannelGrant g = f.grants.grant(POLICE_STEWARD, c.id(), TRAFFIC, expiry, "春运保障");
        assertThat(g.activeAt(f.clock.instant())).isTrue();
        assertThat(f.access.open(TRAFFIC_VIEWER, c.id(), "春运保障").streamUrl()).endsWith("000203");
        assertThat(f.channels.viewable(TRAFFIC_VIEWER, List.of(c))).containsExactly(c.id());
        assertThatThrownBy(() -> f.access.open(CITY_VIEWER, c.id(), "看看")).isInstanceOf(AccessDenied.class);

        f.clock.advance(Duration.ofDays(7));
        assertThatThrownBy(() -> f.access.open(TRAFFIC_VIEWER, c.id(), "春运保障"))
                .as("a grant is over at its expiry instant")
                .isInstanceOf(AccessDenied.class);
        assertThat(f.channels.viewable(TRAFFIC_VIEWER, List.of(c))).isEmpty();
        assertThat(logged(c, true)).isOne();
        assertThat(logged(c, false)).isEqualTo(2);
        assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE action = 'iot.video-channel.grant' AND target_id = ?",
                        c.id().toString()))
                .isOne();
    }

    @Test
    void revokingEndsTheGrantAndIsAudited() {
        VideoChannel c = channel("11011500001320000204");
        f.grants.grant(POLICE_STEWARD, c.id(), TRAFFIC, f.clock.instant().plus(Duration.ofDays(1)), null);
        assertThat(f.access.open(TRAFFIC_VIEWER, c.id(), "核查").streamUrl()).isNotNull();
        ChannelGrant revoked = f.grants.revoke(POLICE_STEWARD, c.id(), TRAFFIC);
        assertThat(revoked.revokedAt()).isEqualTo(f.clock.instant());
        assertThatThrownBy(() -> f.access.open(TRAFFIC_VIEWER, c.id(), "核查")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> f.grants.revoke(POLICE_STEWARD, c.id(), TRAFFIC))
                .isInstanceOf(NotFound.class);
        assertThat(f.grants.list(POLICE_STEWARD, c.id()))
                .singleElement()
                .satisfies(x -> assertThat(x.revokedBy()).isEqualTo("police-steward"));
        assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE action = 'iot.video-channel.revoke' AND target_id = ?",
                        c.id().toString()))
                .isOne();
    }

    @Test
    void onlyTheOwnerOrAnAdminGrants() {
        VideoChannel c = channel("11011500001320000205");
        Instant expiry = f.clock.instant().plus(Duration.ofDays(1));
        assertThatThrownBy(() -> f.grants.grant(TRAFFIC_STEWARD, c.id(), TRAFFIC, expiry, null))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> f.grants.grant(POLICE_VIEWER, c.id(), TRAFFIC, expiry, null))
                .as("viewers may not share")
                .isInstanceOf(AccessDenied.class);
        assertThat(f.grants.grant(ADMIN, c.id(), CITY, expiry, null).grantedBy())
                .isEqualTo("admin");
    }

    @Test
    void grantsNeedAFutureBoundedExpiryAndAnotherExistingDepartment() {
        VideoChannel c = channel("11011500001320000206");
        Instant now = f.clock.instant();
        assertThatThrownBy(() -> f.grants.grant(POLICE_STEWARD, c.id(), TRAFFIC, now, null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> f.grants.grant(POLICE_STEWARD, c.id(), TRAFFIC, now.plus(Duration.ofDays(400)), null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> f.grants.grant(POLICE_STEWARD, c.id(), POLICE, now.plusSeconds(60), null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> f.grants.grant(
                        POLICE_STEWARD,
                        c.id(),
                        org.cityos.kernel.DepartmentCode.of("ghost"),
                        now.plusSeconds(60),
                        null))
                .isInstanceOf(InvalidInput.class);
        assertThat(f.grants.list(POLICE_STEWARD, c.id())).isEmpty();
    }

    @Test
    void grantingAgainExtendsTheSameGrant() {
        VideoChannel c = channel("11011500001320000207");
        f.grants.grant(POLICE_STEWARD, c.id(), TRAFFIC, f.clock.instant().plus(Duration.ofDays(1)), null);
        f.grants.grant(POLICE_STEWARD, c.id(), TRAFFIC, f.clock.instant().plus(Duration.ofDays(30)), "延长");
        assertThat(f.grants.list(AUDITOR, c.id()))
                .singleElement()
                .satisfies(g ->
                        assertThat(g.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(30))));
    }

    @Test
    void outOfScopeAndDecommissionedAreRefusedAndLogged() {
        VideoChannel c = channel("11011500001320000208");
        assertThatThrownBy(() -> f.access.open(EAST_POLICE, c.id(), "越界")).isInstanceOf(AccessDenied.class);
        VideoChannelDraft off = new VideoChannelDraft(
                c.gbId(),
                c.name(),
                POLICE.value(),
                WEST_GRID_POINT,
                null,
                VideoChannelStatus.DECOMMISSIONED,
                null,
                false,
                List.of());
        f.channels.change(POLICE_STEWARD, c.id(), 0, off);
        assertThatThrownBy(() -> f.access.open(POLICE_VIEWER, c.id(), "巡查")).isInstanceOf(ChannelDecommissioned.class);
        assertThat(f.access.log(AUDITOR, c.id(), PageRequest.of(0, 10)).items())
                .extracting(ChannelAccessEntry::reason, ChannelAccessEntry::allowed)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("OUT_OF_SCOPE", false),
                        org.assertj.core.groups.Tuple.tuple("DECOMMISSIONED", false));
    }

    @Test
    void aPurposeIsRequiredAndTheLogIsForOwnersAndAuditors() {
        VideoChannel c = channel("11011500001320000209");
        assertThatThrownBy(() -> f.access.open(POLICE_VIEWER, c.id(), "  ")).isInstanceOf(InvalidInput.class);
        assertThat(logged(c, true) + logged(c, false)).isZero();
        assertThatThrownBy(() -> f.access.log(TRAFFIC_VIEWER, c.id(), PageRequest.of(0, 10)))
                .isInstanceOf(AccessDenied.class);
        assertThat(f.access.log(AUDITOR, c.id(), PageRequest.of(0, 10)).total()).isZero();
    }
}
