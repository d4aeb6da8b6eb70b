package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.PoiProblems.ExternalIdTaken;
import org.cityos.spatial.PoiProblems.PoiClassExists;
import org.cityos.spatial.PoiProblems.PoiOutsideDistrict;
import org.cityos.spatial.PoiProblems.UnknownPoi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POI and class writes: placement, versions, audit in the same transaction, events, scope. */
class PoiIT {
    static final GeoPoint WEST_GRID_POINT = new GeoPoint(116.30, 39.60);
    static final GeoPoint WEST_NORTH_POINT = new GeoPoint(116.33, 39.78);
    static final GeoPoint EAST_POINT = new GeoPoint(116.55, 39.65);
    static PoiFixture f;

    @BeforeAll
    static void start() {
        f = new PoiFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static PoiDraft draft(String classCode, String name, GeoPoint at, String externalId) {
        return new PoiDraft(classCode, name, at, "某路1号", "010-69241234", Map.of("beds", 500), externalId);
    }

    @Test
    void placingAssignsDivisionAndGridAuditsAndPublishes() {
        long audits = f.count("SELECT count(*) FROM audit_record WHERE action = 'spatial.poi.create'");
        Poi poi = f.pois.place(PoiFixture.STEWARD, draft("hospital", "大兴区人民医院", WEST_GRID_POINT, "h-1"));

        assertThat(poi.division()).isEqualTo(PoiFixture.COMMUNITY);
        assertThat(poi.grid()).isEqualTo(PoiFixture.GRID);
        assertThat(poi.version()).isZero();
        assertThat(f.pois.get(PoiFixture.STEWARD, poi.id())).isEqualTo(poi);
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'spatial.poi.create'"))
                .isEqualTo(audits + 1);
        assertThat(f.events)
                .anySatisfy(e -> assertThat(e)
                        .isEqualTo(new PoiPlaced(
                                poi.id().toString(), "hospital", "大兴区人民医院", PoiFixture.COMMUNITY.value())));

        Poi north = f.pois.place(PoiFixture.STEWARD, draft("school", "北小学", WEST_NORTH_POINT, null));
        assertThat(north.division()).isEqualTo(PoiFixture.WEST);
        assertThat(north.grid()).isNull();
    }

    @Test
    void changeNeedsTheCurrentVersionAndReplacesThePlace() {
        Poi poi = f.pois.place(PoiFixture.STEWARD, draft("bank", "工商银行西支行", WEST_NORTH_POINT, null));
        Poi moved = f.pois.change(PoiFixture.STEWARD, poi.id(), 0, draft("bank", "工商银行东支行", EAST_POINT, null));

        assertThat(moved.version()).isEqualTo(1);
        assertThat(moved.division()).isEqualTo(PoiFixture.EAST);
        assertThat(f.pois.get(PoiFixture.STEWARD, poi.id()).name()).isEqualTo("工商银行东支行");
        assertThatThrownBy(() -> f.pois.change(PoiFixture.STEWARD, poi.id(), 0, draft("bank", "旧", EAST_POINT, null)))
                .isInstanceOf(ConcurrentChange.class);
        assertThatThrownBy(() -> f.pois.remove(PoiFixture.STEWARD, poi.id(), 0)).isInstanceOf(ConcurrentChange.class);

        f.pois.remove(PoiFixture.STEWARD, poi.id(), 1);
        assertThatThrownBy(() -> f.pois.get(PoiFixture.STEWARD, poi.id())).isInstanceOf(UnknownPoi.class);
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'spatial.poi.delete' AND target_id = '"
                        + poi.id() + "'"))
                .isEqualTo(1);
    }

    @Test
    void badDraftsAreRefusedWithEveryFieldNamed() {
        assertThatThrownBy(() -> f.pois.place(
                        PoiFixture.STEWARD,
                        new PoiDraft("no-such-class", " ", WEST_GRID_POINT, null, "abc", null, null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(i -> i.field())
                                .containsExactlyInAnyOrder("name", "phone", "class"));
        assertThatThrownBy(() ->
                        f.pois.place(PoiFixture.STEWARD, draft("park", "天安门", new GeoPoint(116.397, 39.908), null)))
                .isInstanceOf(PoiOutsideDistrict.class);
        f.pois.place(PoiFixture.STEWARD, draft("park", "唯一公园", WEST_NORTH_POINT, "unique-1"));
        assertThatThrownBy(() -> f.pois.place(PoiFixture.STEWARD, draft("park", "重复公园", WEST_NORTH_POINT, "unique-1")))
                .isInstanceOf(ExternalIdTaken.class);
    }

    @Test
    void scopeLimitsReadsAndWrites() {
        Poi east = f.pois.place(PoiFixture.STEWARD, draft("mall", "东方购物中心", EAST_POINT, null));
        Poi west = f.pois.place(PoiFixture.STEWARD, draft("mall", "西方购物中心", WEST_NORTH_POINT, null));

        assertThat(f.pois.get(PoiFixture.EAST_READER, east.id())).isEqualTo(east);
        assertThatThrownBy(() -> f.pois.get(PoiFixture.EAST_READER, west.id())).isInstanceOf(UnknownPoi.class);
        assertThatThrownBy(() -> f.pois.place(PoiFixture.EAST_READER, draft("mall", "x", EAST_POINT, null)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> f.pois.place(PoiFixture.WEST_STEWARD, draft("mall", "越界", EAST_POINT, null)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() ->
                        f.pois.change(PoiFixture.WEST_STEWARD, west.id(), 0, draft("mall", "搬走", EAST_POINT, null)))
                .isInstanceOf(AccessDenied.class);
        assertThat(f.search
                        .search(PoiFixture.EAST_READER, null, new PoiFilter("mall", null), PageRequest.of(0, 100))
                        .items())
                .extracting(Poi::name)
                .contains("东方购物中心")
                .doesNotContain("西方购物中心");
        Actor nobody = PoiFixture.actor("nobody", org.cityos.kernel.access.Role.GRID_WORKER);
        assertThat(f.search.nearest(nobody, EAST_POINT, 5, null)).isEmpty();
    }

    @Test
    void importsOnlyWriteInsideTheImportersDivisions() {
        f.pois.place(PoiFixture.STEWARD, draft("bank", "东边银行", EAST_POINT, "scope-east"));
        String csv = "external_id,name,class,lon,lat\n"
                + "scope-west,西边银行,bank,116.33,39.78\n"
                + "scope-new-east,东边新银行,bank,116.55,39.65\n"
                + "scope-east,改名的东边银行,bank,116.33,39.78\n";
        PoiImportJob started = f.imports.start(
                PoiFixture.WEST_STEWARD,
                new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "scope.csv",
                false,
                Crs.WGS84);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> f.imports
                        .get(PoiFixture.WEST_STEWARD, started.id())
                        .state()
                        .finished());
        PoiImportJob job = f.imports.get(PoiFixture.WEST_STEWARD, started.id());
        assertThat(job.imported()).isEqualTo(1);
        assertThat(job.failed()).isEqualTo(2);
        assertThat(job.issues()).extracting(RowIssue::row).containsExactly(2, 3);
        assertThat(job.issues()).allSatisfy(i -> assertThat(i.messageKey()).isEqualTo("problem.division-out-of-scope"));
        assertThat(f.count("SELECT count(*) FROM spatial_poi WHERE name = '东边银行'"))
                .isEqualTo(1);
    }

    @Test
    void classCatalogueIsSeededAndEditable() {
        assertThat(f.classes.list(PoiFixture.LEADER)).hasSize(24 + (f.classes.exists("kindergarten") ? 1 : 0));
        assertThat(f.classes.get(PoiFixture.LEADER, "hazmat-enterprise").nameZh())
                .isEqualTo("危化品企业");

        PoiClass added = f.classes.create(
                PoiFixture.STEWARD, new PoiClassDraft("kindergarten", "幼儿园", "Kindergarten", "child", "#FFAA00", null));
        assertThat(added.version()).isZero();
        assertThatThrownBy(() -> f.classes.create(
                        PoiFixture.STEWARD,
                        new PoiClassDraft("kindergarten", "幼儿园", "Kindergarten", "child", "#FFAA00", null)))
                .isInstanceOf(PoiClassExists.class);
        PoiClass changed = f.classes.change(
                PoiFixture.STEWARD,
                "kindergarten",
                0,
                new PoiClassDraft(null, "幼儿园所", "Nursery", "child", "#FFAA01", 30));
        assertThat(changed.nameZh()).isEqualTo("幼儿园所");
        assertThat(changed.version()).isEqualTo(1);
        assertThatThrownBy(() -> f.classes.change(
                        PoiFixture.STEWARD,
                        "kindergarten",
                        0,
                        new PoiClassDraft(null, "x", "x", "child", "#FFAA01", 30)))
                .isInstanceOf(ConcurrentChange.class);
        assertThatThrownBy(() -> f.classes.create(
                        PoiFixture.LEADER, new PoiClassDraft("cafe", "咖啡", "Cafe", "cafe", "#000000", null)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> f.classes.create(
                        PoiFixture.STEWARD, new PoiClassDraft("Bad Code", "", "x", "UPPER", "red", -1)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(i -> i.field())
                                .containsExactlyInAnyOrder("code", "nameZh", "icon", "colour", "sortOrder"));
        assertThat(f.pois.place(PoiFixture.STEWARD, draft("kindergarten", "阳光幼儿园", EAST_POINT, null))
                        .classCode())
                .isEqualTo("kindergarten");
    }
}
