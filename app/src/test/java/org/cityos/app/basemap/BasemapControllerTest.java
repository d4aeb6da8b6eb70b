package org.cityos.app.basemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** {@code cityos.web.basemap.*} reaches the front end's endpoint: unset means no tile source, a bad template fails. */
class BasemapControllerTest {
    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(BasemapController.class);

    @Test
    void unsetMeansCityOsLayersOnly() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(BasemapController.class).basemap())
                    .isEqualTo(new BasemapController.BasemapView(null, ""));
        });
    }

    @Test
    void aTileTemplateAndItsAttributionAreServed() {
        context.withPropertyValues(
                        "cityos.web.basemap.tile-url= https://tiles.example.gov.cn/{z}/{x}/{y}.png ",
                        "cityos.web.basemap.attribution=© 区测绘院")
                .run(c -> {
                    var mvc = MockMvcBuilders.standaloneSetup(c.getBean(BasemapController.class))
                            .build();
                    mvc.perform(get("/api/web/basemap"))
                            .andExpect(status().isOk())
                            .andExpect(jsonPath("$.tileUrl").value("https://tiles.example.gov.cn/{z}/{x}/{y}.png"))
                            .andExpect(jsonPath("$.attribution").value("© 区测绘院"));
                });
    }

    @Test
    void aTemplateWithoutTileCoordinatesStopsTheStart() {
        context.withPropertyValues("cityos.web.basemap.tile-url=https://tiles.example.gov.cn/tile.png")
                .run(c -> assertThat(c).hasFailed().getFailure().hasStackTraceContaining("needs {z}, {x} and {y}"));
    }
}
