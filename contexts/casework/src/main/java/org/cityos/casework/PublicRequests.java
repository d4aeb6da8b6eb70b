package org.cityos.casework;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cityos.casework.CaseCommands.RateCase;
import org.cityos.casework.internal.AgencyNames;
import org.cityos.casework.internal.PublicText;
import org.cityos.casework.persistence.Open311RequestRepository;
import org.cityos.casework.persistence.Open311RequestRepository.PublicRow;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Citizens' side of casework (Open311 GeoReport v2 and the request's own page): posting a request, which becomes a
 * case at once; the public list and a request by number, without personal data; following one's own request by its
 * token and rating the answer.
 */
public class PublicRequests {
    /** The spec's default and widest window of a search by date. */
    public static final Duration WINDOW = Duration.ofDays(90);

    public static final int MAX_RESULTS = 1000;
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z\\-]{1,40}");
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    /** Steps a citizen sees; the rest (transfers between units, supervision, warnings) is the desk's business. */
    private static final EnumSet<CaseAction> PUBLIC_STEPS = EnumSet.of(
            CaseAction.RECEIVED,
            CaseAction.ANSWERED,
            CaseAction.DISPATCHED,
            CaseAction.SIGNED,
            CaseAction.STARTED,
            CaseAction.REPLIED,
            CaseAction.VERIFIED,
            CaseAction.CLOSED,
            CaseAction.REOPENED,
            CaseAction.SUSPENDED,
            CaseAction.RESUMED,
            CaseAction.MERGED,
            CaseAction.SPLIT,
            CaseAction.RATED);

    private final CaseIntake intake;
    private final Cases cases;
    private final CaseVerification verification;
    private final Open311Services services;
    private final Categories categories;
    private final Open311RequestRepository requests;
    private final AgencyNames agencies;
    private final RequestChecks checks = new RequestChecks();
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    public PublicRequests(
            CaseIntake intake,
            Cases cases,
            CaseVerification verification,
            Open311Services services,
            Categories categories,
            Open311RequestRepository requests,
            AgencyNames agencies,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock) {
        this.intake = intake;
        this.cases = cases;
        this.verification = verification;
        this.services = services;
        this.categories = categories;
        this.requests = requests;
        this.agencies = agencies;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /** Takes a citizen's request: checked, then a case (with its number and token) and its Open311 facts at once. */
    public PostedRequest post(ServiceRequestPost p) {
        Open311Service service = services.offered(p.serviceCode())
                .orElseThrow(() -> new Open311Problems.UnknownService(p.serviceCode()));
        RequestChecks.Checked checked = checks.check(p, service);
        // A service whose category is not (yet) a usable leaf still takes requests: the desk categorises them.
        String category = categories.usable(service.categoryCode()) ? service.categoryCode() : null;
        NewCase newCase = new NewCase(
                Channel.OPEN311,
                null,
                RequestType.INCIDENT,
                service.name(),
                p.description() == null || p.description().isBlank() ? service.name() : p.description(),
                category,
                Urgency.ROUTINE,
                p.addressString(),
                checked.point(),
                checked.callerName(),
                p.phone(),
                null,
                null);
        Instant now = clock.instant();
        IntakeResult result = transactions.execute(tx -> {
            IntakeResult r = intake.receivePublic(newCase);
            requests.insert(new Open311RequestRepository.Facts(
                    r.id().value(),
                    service.code(),
                    checked.mediaUrl(),
                    checked.accountId(),
                    checked.deviceId(),
                    checked.attributes(),
                    now));
            return r;
        });
        meters.counter("cityos.casework.open311.posted", "service", service.code())
                .increment();
        return new PostedRequest(result.number(), checked.accountId(), result.token());
    }

    /** The public list: by numbers, or by service, status and date (default the last 90 days); newest first. */
    public List<PublicRequest> search(PublicRequestFilter f) {
        if (!f.ids().isEmpty()) {
            List<String> numbers = new ArrayList<>();
            for (String id : f.ids()) {
                if (id != null && NUMBER.matcher(id.strip()).matches()) {
                    numbers.add(id.strip());
                }
            }
            if (numbers.isEmpty()) {
                return List.of();
            }
            return publish(requests.byNumbers(numbers.subList(0, Math.min(numbers.size(), MAX_RESULTS)), MAX_RESULTS));
        }
        if (f.serviceCode() != null && services.offered(f.serviceCode()).isEmpty()) {
            throw new Open311Problems.UnknownService(f.serviceCode());
        }
        Instant to = f.to() != null ? f.to() : f.from() != null ? f.from().plus(WINDOW) : clock.instant();
        Instant from = f.from() != null ? f.from() : to.minus(WINDOW);
        if (!from.isBefore(to)) {
            throw InvalidInput.of("end_date", "open311.dates-reversed");
        }
        if (Duration.between(from, to).compareTo(WINDOW) > 0) {
            throw InvalidInput.of("end_date", "open311.dates-too-far", WINDOW.toDays());
        }
        // The end date is inclusive in the spec: a request at exactly end_date is in.
        return publish(requests.search(f.serviceCode(), from, to.plusNanos(1000), f.open(), MAX_RESULTS));
    }

    public Optional<PublicRequest> byNumber(String number) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            return Optional.empty();
        }
        return requests.byNumber(number).map(row -> publish(List.of(row)).get(0));
    }

    /** The number of the public request a token follows (GeoReport v2 GET tokens). */
    public Optional<String> numberByToken(String token) {
        return token == null || !TOKEN.matcher(token).matches() ? Optional.empty() : requests.numberByToken(token);
    }

    /** The citizen's own view of any of its requests (whatever the channel), by the token it was given. */
    public CitizenView view(String token) {
        Case c = cases.byToken(token);
        List<CitizenView.Step> steps = c.steps().stream()
                .filter(s -> PUBLIC_STEPS.contains(s.action()))
                .map(s -> new CitizenView.Step(s.action(), s.action().nameZh(), s.at()))
                .toList();
        Case.FollowUp f = c.followUp();
        CitizenView.Rating rating = f == null || f.ratedAt() == null
                ? null
                : new CitizenView.Rating(
                        f.solved(),
                        f.satisfaction(),
                        f.satisfaction() == null ? null : f.satisfaction().nameZh(),
                        f.ratedAt());
        return new CitizenView(
                c.number(),
                c.status(),
                c.status().nameZh(),
                c.categoryCode(),
                services.nameOfCategory(c.categoryCode()).orElse(null),
                c.title(),
                PublicText.mask(c.content()),
                c.times().receivedAt(),
                steps,
                PublicText.mask(c.reply()),
                PublicText.mask(c.answer()),
                rating);
    }

    /** The citizen rates the answer to its own request; the view as it now stands. */
    public CitizenView rate(String token, RateCase rating) {
        verification.rateByToken(token, rating);
        return view(token);
    }

    private List<PublicRequest> publish(List<PublicRow> rows) {
        Map<String, String> serviceNames = services.names();
        Map<String, Optional<String>> agencyNames = new HashMap<>();
        return rows.stream()
                .map(r -> {
                    CaseStatus status = CaseStatus.valueOf(r.status());
                    String notes = status == CaseStatus.MERGED && r.mergedNumber() != null
                            ? "已合并至 " + r.mergedNumber()
                            : PublicText.mask(r.reply() != null ? r.reply() : r.answer());
                    return new PublicRequest(
                            r.number(),
                            status.open(),
                            notes,
                            serviceNames.get(r.serviceCode()),
                            r.serviceCode(),
                            PublicText.mask(r.content()),
                            r.mainUnit() == null
                                    ? null
                                    : agencyNames
                                            .computeIfAbsent(r.mainUnit(), agencies::of)
                                            .orElse(null),
                            null,
                            r.receivedAt(),
                            r.updatedAt(),
                            status.open() ? r.resolutionDue() : null,
                            r.address(),
                            null,
                            null,
                            r.lat(),
                            r.lon(),
                            r.mediaUrl());
                })
                .toList();
    }
}
