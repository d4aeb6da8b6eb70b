package org.cityos.spatial.web;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.Gazetteer;
import org.cityos.spatial.Geocoder;
import org.cityos.spatial.GeocodingFixture;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.ProblemMvc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The geocoding endpoints on standalone MockMvc with the real problem handling and message bundles. */
class GeocodingControllerTest {
    static List<AddressEntry> entries;
    static Geocoder geocoder;
    Actor actor = actor(Role.OPERATOR);

    @BeforeAll
    static void gazetteer() {
        entries = Gazetteer.synthesize(
                9, GeocodingFixture.network(), 2_000, GeocodingFixture.placer(), GeocodingFixture.DISTRICT);
        geocoder = Geocoder.inMemory(entries, GeocodingFixture.vocabulary(), GeocodingFixture.placer());
    }

    @Test
    void geocodes_text_into_ranked_results() throws Exception {
        AddressEntry wanted = entries.get(100);
        mvc().perform(get("/api/geocode")
                        .param("q", "北京市" + wanted.text())
                        .param("limit", "3")
                        .param("crs", "gcj02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].address.id").value(wanted.id()))
                .andExpect(jsonPath("$[0].address.text").value(wanted.text()))
                .andExpect(jsonPath("$[0].address.parts.road")
                        .value(wanted.address().road()))
                .andExpect(jsonPath("$[0].address.crs").value("GCJ02"))
                .andExpect(jsonPath("$[0].address.synthetic").value(true))
                .andExpect(jsonPath("$[0].address.divisionPath[0]").value("110115000000"))
                .andExpect(jsonPath("$[0].confidence").value(1.0));
    }

    @Test
    void reverse_gives_the_nearest_address_and_the_placement() throws Exception {
        AddressEntry wanted = entries.get(200);
        mvc().perform(get("/api/geocode/reverse")
                        .param("lon", Double.toString(wanted.point().lon()))
                        .param("lat", Double.toString(wanted.point().lat())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inside").value(true))
                .andExpect(jsonPath("$.nearest.id").value(wanted.id()))
                .andExpect(jsonPath("$.distanceMetres").value(0.0))
                .andExpect(jsonPath("$.placement[1].code").value(wanted.townCode()));
        mvc().perform(get("/api/geocode/reverse").param("lon", "116.9").param("lat", "40.5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inside").value(false));
    }

    @Test
    void parses_text_into_parts() throws Exception {
        mvc().perform(get("/api/addresses/parse").param("text", "北京市大兴区旧宫镇旧宫西路八十八号院3号楼2单元"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.town").value("旧宫地区"))
                .andExpect(jsonPath("$.road").value("旧宫西路"))
                .andExpect(jsonPath("$.number").value("88"))
                .andExpect(jsonPath("$.building").value("3"))
                .andExpect(jsonPath("$.unit").value("2"));
    }

    @Test
    void swapped_coordinates_get_a_problem_naming_the_corrected_pair() throws Exception {
        mvc().perform(get("/api/geocode/reverse")
                        .param("lon", "39.7")
                        .param("lat", "116.3")
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("coordinates-swapped")))
                .andExpect(jsonPath("$.detail")
                        .value("lon=39.7, lat=116.3 look swapped: did you mean lon=116.3, lat=39.7?"))
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
    }

    @Test
    void bad_input_is_a_problem_with_field_errors() throws Exception {
        String[][] cases = {
            {"/api/geocode", "q", "", "q"},
            {"/api/geocode", "q", "兴".repeat(201), "q"},
            {"/api/geocode", "q", "兴华路\u00078号", "q"},
            {"/api/addresses/parse", "text", "", "text"},
        };
        for (String[] c : cases) {
            mvc().perform(get(c[0]).param(c[1], c[2]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(c[3]));
        }
        mvc().perform(get("/api/geocode").param("q", "兴华路8号").param("limit", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc().perform(get("/api/geocode")
                        .param("q", "兴华路8号")
                        .param("crs", "mars")
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("crs"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(startsWith("\"mars\" is not a supported coordinate system")));
        mvc().perform(get("/api/geocode/reverse").param("lon", "1e999").param("lat", "39"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
        mvc().perform(get("/api/geocode/reverse").param("lon", "500").param("lat", "39"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
        mvc().perform(get("/api/geocode/reverse").param("lon", "116.3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lat"));
    }

    @Test
    void needs_division_read() throws Exception {
        actor = new Actor("nobody", ActorKind.USER, "nobody", Set.of(), List.of(), Set.of(), false);
        mvc().perform(get("/api/addresses/parse").param("text", "兴华路8号")).andExpect(status().isForbidden());
        mvc().perform(get("/api/geocode").param("q", "兴华路8号")).andExpect(status().isForbidden());
    }

    private MockMvc mvc() {
        return ProblemMvc.standalone(
                ProblemMvc.messages("i18n/spatial/messages", "i18n/spatial-geocoding/messages"),
                new FixedActorResolver(() -> actor),
                new GeocodingController(geocoder));
    }

    private static Actor actor(Role role) {
        return new Actor("u-1", ActorKind.USER, "u-1", Set.of(role), List.of(), Set.of(), false);
    }
}
