package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Theme databases in the assembled platform: the two built-in themes are seeded at start, refresh over the other
 * contexts' real tables, answer row queries, and refuse unknown themes with the theme context's own words.
 */
class ThemesSystemTest extends SystemTest {

    @Test
    void builtInThemesAreSeededRefreshAndAnswer() {
        String admin = admin();
        Api.Response list = api.get("/api/themes", admin);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        JsonNode themes = list.json().has("themes") ? list.json().get("themes") : list.json();
        themes.forEach(t -> codes.add(t.get("code").asString()));
        assertThat(codes).contains("cityops", "credit");

        Api.Response refreshed = api.post("/api/themes/cityops/refresh", admin, "{}");
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.body()).doesNotContain("FAILED").contains("\"OK\"");

        Api.Response theme = api.get("/api/themes/cityops", admin);
        assertThat(theme.status()).as(theme.toString()).isEqualTo(200);
        JsonNode tables = theme.json().get("tables");
        assertThat(tables.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode table : tables) {
            String name = table.get("name").asString();
            Api.Response rows = api.get("/api/themes/cityops/tables/" + name + "/rows?limit=5", admin);
            assertThat(rows.status()).as(name + ": " + rows).isEqualTo(200);
        }

        Api.Response unknown = api.get("/api/themes/nosuch", admin, Map.of("Accept-Language", "zh-CN"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body())
                .as("the message bundle is registered")
                .contains("主题")
                .contains("nosuch");
    }
}
