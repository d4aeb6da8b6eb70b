package org.cityos.simulator.citizens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.scenario.ScenarioStep;
import org.junit.jupiter.api.Test;

class RequestGeneratorTest {
    /** Midnight in Beijing. */
    static final Instant DAY = Instant.parse("2026-11-23T16:00:00Z");

    static final int PER_DAY = 20_000;

    static final List<CitizenRequest> day =
            new RequestGenerator(42, PER_DAY, 0.3, "T").between(DAY, DAY.plus(Duration.ofDays(1)));

    @Test
    void aSimulatedDayHasFewRequestsAtNightAndPeaksMidMorningAndAfternoon() {
        assertThat(day.size()).isBetween((int) (PER_DAY * 0.95), (int) (PER_DAY * 1.05));
        int[] byHour = new int[24];
        DailyRhythm rhythm = DailyRhythm.beijing();
        for (CitizenRequest r : day) {
            byHour[rhythm.hourOf(r.at())]++;
        }
        int night = byHour[0] + byHour[1] + byHour[2] + byHour[3] + byHour[4] + byHour[5];
        assertThat(night).as("00–06 h").isLessThan(day.size() / 40);
        int morningPeak = indexOfMax(byHour, 6, 13);
        int afternoonPeak = indexOfMax(byHour, 13, 20);
        assertThat(morningPeak).isBetween(9, 11);
        assertThat(afternoonPeak).isBetween(14, 16);
        assertThat(byHour[12]).as("lunch dip").isLessThan(byHour[morningPeak]).isLessThan(byHour[afternoonPeak]);
        for (int h = 0; h < 24; h++) {
            assertThat((double) byHour[h] / day.size()).as("hour " + h).isCloseTo(rhythm.share(h), within(0.006));
        }
        assertThat(day).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        assertThat(day).allSatisfy(r -> assertThat(r.at()).isBetween(DAY, DAY.plus(Duration.ofDays(1))));
    }

    @Test
    void theCategoryMixFollowsItsWeightsAndOnlyPublicServicesComeThroughOpen311() {
        List<RequestKind> kinds = RequestMix.kinds();
        double totalWeight = kinds.stream().mapToDouble(RequestKind::weight).sum();
        Map<String, Long> byCategory =
                day.stream().collect(Collectors.groupingBy(CitizenRequest::category, Collectors.counting()));
        for (RequestKind k : kinds) {
            assertThat((double) byCategory.getOrDefault(k.category(), 0L) / day.size())
                    .as(k.category())
                    .isCloseTo(k.weight() / totalWeight, within(0.01));
        }
        Map<String, String> serviceOf = new HashMap<>();
        kinds.forEach(k -> serviceOf.put(k.category(), k.open311Service()));
        List<CitizenRequest> open311 = day.stream()
                .filter(r -> r.channel() == CitizenRequest.Channel.OPEN311)
                .toList();
        assertThat(open311).allSatisfy(r -> assertThat(r.open311Service()).isEqualTo(serviceOf.get(r.category())));
        long publicKinds =
                day.stream().filter(r -> !serviceOf.get(r.category()).isEmpty()).count();
        assertThat((double) open311.size() / publicKinds).isCloseTo(0.3, within(0.03));
        assertThat(day.stream().map(CitizenRequest::ticket).distinct().count()).isEqualTo(day.size());
    }

    @Test
    void theSameSeedGivesTheSameRequests() {
        List<CitizenRequest> again =
                new RequestGenerator(42, PER_DAY, 0.3, "T").between(DAY, DAY.plus(Duration.ofDays(1)));
        assertThat(again).isEqualTo(day);
        assertThat(new RequestGenerator(43, PER_DAY, 0.3, "T").between(DAY, DAY.plus(Duration.ofDays(1))))
                .isNotEqualTo(day);
    }

    @Test
    void everyCategoryAndServiceOfTheMixIsSeededByCasework() throws IOException {
        Path seed = Path.of("..", "contexts", "casework", "src", "main", "resources", "casework");
        Set<String> categories = new HashSet<>();
        for (String line : Files.readAllLines(seed.resolve("categories.csv"))) {
            if (!line.startsWith("#")) {
                categories.add(line.split(",")[0]);
            }
        }
        Map<String, String> services = new HashMap<>();
        for (String line : Files.readAllLines(seed.resolve("open311-services.csv"))) {
            if (!line.startsWith("#")) {
                services.put(line.split(",")[0], line.split(",")[1]);
            }
        }
        for (RequestKind k : RequestMix.kinds()) {
            assertThat(categories).as(k.category()).contains(k.category());
            if (k.public311()) {
                assertThat(services.get(k.open311Service()))
                        .as(k.open311Service())
                        .isEqualTo(k.category());
            }
        }
    }

    @Test
    void thePatrolKindsAreTheMixsComponentsAndEventsOfCaseworksTree() throws IOException {
        Path seed = Path.of("..", "contexts", "casework", "src", "main", "resources", "casework");
        Map<String, String> typeOf = new HashMap<>();
        for (String line : Files.readAllLines(seed.resolve("categories.csv"))) {
            if (!line.startsWith("#") && line.split(",").length > 2) {
                typeOf.put(line.split(",")[0], line.split(",")[2]);
            }
        }
        List<String> seenOnPatrol = RequestMix.kinds().stream()
                .map(RequestKind::category)
                .filter(c -> Set.of("COMPONENT", "EVENT").contains(typeOf.get(c)))
                .toList();
        assertThat(seenOnPatrol).isNotEmpty();
        assertThat(RequestMix.patrolKinds()).extracting(RequestKind::category).isEqualTo(seenOnPatrol);
    }

    @Test
    void theRhythmExpectsADaysCountOverADayAndAnHoursShareOverThatHour() {
        DailyRhythm rhythm = DailyRhythm.beijing();
        assertThat(rhythm.expected(DAY, DAY.plus(Duration.ofDays(1)), 240)).isCloseTo(240, within(1e-9));
        Instant tenToEleven = DAY.plus(Duration.ofHours(10));
        assertThat(rhythm.expected(
                        tenToEleven.plus(Duration.ofMinutes(15)), tenToEleven.plus(Duration.ofMinutes(45)), 240))
                .isCloseTo(240 * rhythm.share(10) / 2, within(1e-9));
        assertThat(rhythm.expected(tenToEleven, DAY, 240)).as("backwards").isZero();
    }

    @Test
    void aBurstFilesItsCountOfHotlineRequestsAboutOnePlace() {
        GeoPoint place = new GeoPoint(116.335, 39.728);
        List<CitizenRequest> burst =
                new RequestGenerator(7, 100, 0.5, "B").burst(new ScenarioStep.Complaints(place, "0304", 6, 40), DAY);
        assertThat(burst).hasSize(6);
        assertThat(burst).allSatisfy(r -> {
            assertThat(r.category()).isEqualTo("0304");
            assertThat(r.channel()).isEqualTo(CitizenRequest.Channel.HOTLINE);
            assertThat(r.point().distanceTo(place)).isLessThanOrEqualTo(40.5);
            assertThat(r.at()).isEqualTo(DAY);
        });
        assertThat(burst.stream().map(CitizenRequest::ticket).distinct()).hasSize(6);
    }

    private static int indexOfMax(int[] values, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
