package org.cityos.simulator.citizens;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.scenario.ScenarioStep;

/**
 * The citizens of the synthetic district: for any period it answers the requests they file, with the day's rhythm
 * ({@link DailyRhythm}), the category mix of {@code request-mix.csv} and places around the township seats of
 * {@code places.csv}. The same seed gives the same requests.
 */
public final class RequestGenerator {
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};

    /** A place citizens call from. */
    record Place(GeoPoint point, double weight) {}

    private final RandomGenerator random;
    private final DailyRhythm rhythm;
    private final WeightedTable<RequestKind> mix;
    private final WeightedTable<Place> places;
    private final double perDay;
    private final double open311Share;
    private final String ticketPrefix;
    private long issued;

    /**
     * Citizens filing {@code perDay} requests a day on average, {@code open311Share} of those whose category has a
     * public service through Open311; tickets start with {@code ticketPrefix} (a run's own, so that two runs against
     * one CityOS do not collapse into each other by idempotency).
     */
    public RequestGenerator(long seed, double perDay, double open311Share, String ticketPrefix) {
        this(new Random(seed), DailyRhythm.beijing(), perDay, open311Share, ticketPrefix);
    }

    RequestGenerator(
            RandomGenerator random, DailyRhythm rhythm, double perDay, double open311Share, String ticketPrefix) {
        this.random = random;
        this.rhythm = rhythm;
        this.mix = new WeightedTable<>(RequestMix.kinds(), RequestKind::weight);
        this.places = new WeightedTable<>(
                WeightedTable.readCsv(
                        "places.csv",
                        f -> new Place(
                                new GeoPoint(Double.parseDouble(f[0]), Double.parseDouble(f[1])),
                                Double.parseDouble(f[2]))),
                Place::weight);
        this.perDay = perDay;
        this.open311Share = open311Share;
        this.ticketPrefix = ticketPrefix;
    }

    /** The requests filed in {@code [from, to)}, in time order. */
    public List<CitizenRequest> between(Instant from, Instant to) {
        List<CitizenRequest> out = new ArrayList<>();
        Instant sliceStart = from;
        while (sliceStart.isBefore(to)) {
            Instant hourEnd = sliceStart.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            Instant sliceEnd = hourEnd.isBefore(to) ? hourEnd : to;
            double hours = Duration.between(sliceStart, sliceEnd).toMillis() / 3_600_000.0;
            int n = Poisson.draw(random, rhythm.perHour(sliceStart, perDay) * hours);
            long span = Duration.between(sliceStart, sliceEnd).toMillis();
            for (int i = 0; i < n; i++) {
                Instant at = sliceStart.plusMillis((long) (random.nextDouble() * span));
                RequestKind kind = mix.draw(random);
                GeoPoint point = near(places.draw(random).point(), 1000);
                out.add(request(kind, at, point));
            }
            sliceStart = sliceEnd;
        }
        out.sort(Comparator.comparing(CitizenRequest::at));
        return out;
    }

    /** A scenario's burst: {@code count} hotline requests of one category about one place, all at {@code at}. */
    public List<CitizenRequest> burst(ScenarioStep.Complaints complaints, Instant at) {
        RequestKind kind = mix.rows().stream()
                .filter(k -> k.category().equals(complaints.category()))
                .findFirst()
                .orElse(new RequestKind(complaints.category(), 1, "", "反映问题", "市民反映此处存在问题，请尽快处理"));
        List<CitizenRequest> out = new ArrayList<>();
        for (int i = 0; i < complaints.count(); i++) {
            GeoPoint point = near(complaints.place(), complaints.spreadMetres());
            out.add(hotline(kind, at, point));
        }
        return out;
    }

    private CitizenRequest request(RequestKind kind, Instant at, GeoPoint point) {
        if (kind.public311() && random.nextDouble() < open311Share) {
            return new CitizenRequest(
                    ticketPrefix + "-" + (++issued),
                    CitizenRequest.Channel.OPEN311,
                    at,
                    kind.category(),
                    kind.open311Service(),
                    kind.title(),
                    kind.content(),
                    point,
                    name(),
                    phone());
        }
        return hotline(kind, at, point);
    }

    private CitizenRequest hotline(RequestKind kind, Instant at, GeoPoint point) {
        return new CitizenRequest(
                ticketPrefix + "-" + (++issued),
                CitizenRequest.Channel.HOTLINE,
                at,
                kind.category(),
                null,
                kind.title(),
                kind.content(),
                point,
                name(),
                phone());
    }

    /** A point uniformly within {@code metres} of {@code centre}. */
    private GeoPoint near(GeoPoint centre, double metres) {
        double r = metres * Math.sqrt(random.nextDouble());
        double angle = random.nextDouble() * 2 * Math.PI;
        double dLat = r * Math.cos(angle) / 111_320.0;
        double dLon = r * Math.sin(angle) / (111_320.0 * Math.cos(Math.toRadians(centre.lat())));
        return new GeoPoint(centre.lon() + dLon, centre.lat() + dLat);
    }

    private String name() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + (random.nextBoolean() ? "先生" : "女士");
    }

    private String phone() {
        return "139" + String.format("%08d", random.nextInt(100_000_000));
    }
}
