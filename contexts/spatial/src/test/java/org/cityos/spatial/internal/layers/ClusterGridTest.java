package org.cityos.spatial.internal.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.Test;

class ClusterGridTest {

    @Test
    void cells_halve_with_each_zoom() {
        assertThat(ClusterGrid.at(0).cellWidthDegrees()).isEqualTo(90.0);
        assertThat(ClusterGrid.at(10).cellWidthDegrees()).isCloseTo(360.0 / 4096, within(1e-12));
        assertThat(ClusterGrid.at(11).cellWidthDegrees() * 2)
                .isEqualTo(ClusterGrid.at(10).cellWidthDegrees());
    }

    @Test
    void zoom_outside_0_to_22_is_invalid() {
        assertThatThrownBy(() -> ClusterGrid.at(-1)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> ClusterGrid.at(23)).isInstanceOf(InvalidInput.class);
        assertThat(ClusterGrid.at(22).cellsAcross()).isEqualTo(1L << 24);
    }

    @Test
    void mercator_rows_run_north_to_south() {
        assertThat(ClusterGrid.mercatorY(0)).isCloseTo(0.5, within(1e-12));
        assertThat(ClusterGrid.mercatorY(ClusterGrid.MAX_LAT)).isCloseTo(0.0, within(1e-9));
        assertThat(ClusterGrid.mercatorY(-ClusterGrid.MAX_LAT)).isCloseTo(1.0, within(1e-9));
        assertThat(ClusterGrid.mercatorY(90)).as("clamped at the pole").isCloseTo(0.0, within(1e-9));
        ClusterGrid g = ClusterGrid.at(3);
        assertThat(g.row(60)).isLessThan(g.row(10));
    }

    @Test
    void tile_numbers_match_the_slippy_map_scheme() {
        // Tile of Daxing (116.34E, 39.73N) at zoom 10 is x=842, y=388 (OSM slippy-map formula); 4 cells per tile edge.
        ClusterGrid g = ClusterGrid.at(10);
        assertThat(g.column(116.34) / ClusterGrid.CELLS_PER_TILE).isEqualTo(842);
        assertThat(g.row(39.73) / ClusterGrid.CELLS_PER_TILE).isEqualTo(388);
    }

    @Test
    void edges_stay_inside_the_grid_and_cells_are_distinct() {
        ClusterGrid g = ClusterGrid.at(2);
        assertThat(g.column(180)).isEqualTo(g.cellsAcross() - 1);
        assertThat(g.column(-180)).isZero();
        assertThat(g.cell(10, 10)).isNotEqualTo(g.cell(10, -10));
        assertThat(g.cell(10, 10)).isNotEqualTo(g.cell(-10, 10));
    }

    @Test
    void near_points_share_a_cell_when_zoomed_out_and_part_when_zoomed_in() {
        double lon = 116.3400;
        double lat = 39.7300;
        double lon2 = lon + 0.0005; // about 43 m east
        assertThat(ClusterGrid.at(10).cell(lon, lat))
                .isEqualTo(ClusterGrid.at(10).cell(lon2, lat));
        assertThat(ClusterGrid.at(20).cell(lon, lat))
                .isNotEqualTo(ClusterGrid.at(20).cell(lon2, lat));
    }
}
