package org.cityos.spatial;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.internal.poi.LocalProjection;
import org.cityos.spatial.internal.poi.PoiNameIndex;
import org.cityos.spatial.internal.poi.PoiNames;
import org.cityos.spatial.internal.poi.ScopeBoxes;
import org.cityos.spatial.persistence.PoiClassRepository;
import org.cityos.spatial.persistence.PoiRepository;
import org.cityos.spatial.persistence.PoiRepository.Located;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Service;

/**
 * Finding POIs: by name (Chinese word segmentation), nearest-k, within a radius, a polygon or a
 * division. Every answer is limited to the caller's divisions; distances are great-circle metres.
 */
@Service
public class PoiSearch {
    public static final int MAX_K = 200;
    public static final double MAX_RADIUS_M = 50_000;
    /** Deepest result page a name search serves (offset + limit); Lucene collects that many hits. */
    public static final int MAX_TEXT_WINDOW = 10_000;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final PoiRepository repository;
    private final PoiClassRepository classes;
    private final PoiNames names;
    private final LocalProjection projection;
    private final ScopeBoxes scopeBoxes;

    public PoiSearch(
            PoiRepository repository,
            PoiClassRepository classes,
            PoiNames names,
            Places places,
            PoiProperties properties,
            Clock clock) {
        this.repository = repository;
        this.classes = classes;
        this.names = names;
        this.projection = new LocalProjection(properties.projectionLatitude());
        this.scopeBoxes = new ScopeBoxes(places, projection, clock);
    }

    /** By name words when {@code text} is given (best match first), else in name order. */
    public Page<Poi> search(Actor actor, String text, PoiFilter filter, PageRequest page) {
        List<String> scope = scope(actor, filter);
        if (text == null || text.isBlank()) {
            return new Page<>(
                    repository.page(filter, scope, page.offset(), page.limit()),
                    repository.count(filter, scope),
                    page.offset(),
                    page.limit());
        }
        if (page.offset() + page.limit() > MAX_TEXT_WINDOW) {
            throw InvalidInput.of("offset", "validation.range", 0, MAX_TEXT_WINDOW - page.limit());
        }
        PoiNameIndex.Result hits = names.search(text.strip(), filter, scope, page.offset(), page.limit());
        return new Page<>(repository.findAll(hits.ids()), hits.total(), page.offset(), page.limit());
    }

    /**
     * The k nearest POIs. The GiST index orders candidates by projected distance; a few more than k
     * are fetched, re-ranked by haversine, and the answer is accepted only when no unseen POI could
     * be closer (its projected distance bounds its true distance), else more are fetched.
     */
    public List<PoiHit> nearest(Actor actor, GeoPoint wgs84, int k, String classCode) {
        if (k < 1 || k > MAX_K) {
            throw InvalidInput.of("k", "validation.range", 1, MAX_K);
        }
        PoiFilter filter = new PoiFilter(classCode, null);
        List<String> scope = scope(actor, filter);
        double x = projection.x(wgs84);
        double y = projection.y(wgs84);
        double stretch = projection.maxStretch(wgs84.lat());
        Envelope box = scope == null ? null : scopeBoxes.of(actor.divisions()).orElse(null);
        int fetch = (int) Math.ceil(k * 1.3) + 8;
        while (true) {
            List<Poi> candidates = repository.nearestProjected(x, y, filter, scope, box, fetch);
            List<PoiHit> hits = new ArrayList<>(candidates.size());
            for (Poi p : candidates) {
                hits.add(new PoiHit(p, wgs84.distanceTo(p.location())));
            }
            hits.sort(Comparator.comparingDouble(PoiHit::distanceM));
            if (candidates.size() < fetch) {
                return List.copyOf(hits.subList(0, Math.min(k, hits.size())));
            }
            Poi last = candidates.get(candidates.size() - 1);
            double lastProjected = Math.hypot(projection.x(last.location()) - x, projection.y(last.location()) - y);
            if (hits.get(k - 1).distanceM() <= lastProjected / stretch) {
                return List.copyOf(hits.subList(0, k));
            }
            fetch *= 4;
        }
    }

    /** POIs within {@code radiusM} metres, closest first. */
    public Page<PoiHit> withinRadius(Actor actor, GeoPoint wgs84, double radiusM, PoiFilter filter, PageRequest page) {
        if (!(radiusM > 0) || radiusM > MAX_RADIUS_M) {
            throw InvalidInput.of("radius", "problem.poi-radius", MAX_RADIUS_M);
        }
        List<String> scope = scope(actor, filter);
        double half = radiusM * projection.maxStretch(wgs84.lat());
        double x = projection.x(wgs84);
        double y = projection.y(wgs84);
        List<Near> inside = new ArrayList<>();
        for (Located l : repository.inProjectedBox(x - half, y - half, x + half, y + half, filter, scope)) {
            double d = wgs84.distanceTo(new GeoPoint(l.lon(), l.lat()));
            if (d <= radiusM) {
                inside.add(new Near(l, d));
            }
        }
        inside.sort(Comparator.comparingDouble(Near::distanceM));
        List<Near> slice = slice(inside, page);
        List<Poi> pois = repository.findAll(slice.stream().map(n -> n.at().id()).toList());
        List<PoiHit> hits = new ArrayList<>();
        for (int i = 0; i < pois.size(); i++) {
            hits.add(new PoiHit(pois.get(i), slice.get(i).distanceM()));
        }
        return new Page<>(hits, inside.size(), page.offset(), page.limit());
    }

    /** POIs inside (or on the border of) a WGS84 polygon or multipolygon, in name order. */
    public Page<Poi> withinPolygon(Actor actor, Geometry polygon, PoiFilter filter, PageRequest page) {
        List<String> scope = scope(actor, filter);
        PreparedGeometry area = PreparedGeometryFactory.prepare(polygon);
        Envelope e = polygon.getEnvelopeInternal();
        List<Located> inside = new ArrayList<>();
        for (Located l : repository.inProjectedBox(
                projection.x(e.getMinX()),
                projection.y(e.getMinY()),
                projection.x(e.getMaxX()),
                projection.y(e.getMaxY()),
                filter,
                scope)) {
            if (area.covers(GEOMETRY.createPoint(new Coordinate(l.lon(), l.lat())))) {
                inside.add(l);
            }
        }
        inside.sort(Comparator.comparing(Located::name).thenComparing(Located::id));
        List<Located> slice = slice(inside, page);
        return new Page<>(
                repository.findAll(slice.stream().map(Located::id).toList()),
                inside.size(),
                page.offset(),
                page.limit());
    }

    /** POIs assigned to a division or anything inside it, in name order. */
    public Page<Poi> withinDivision(Actor actor, DivisionCode division, String classCode, PageRequest page) {
        return search(actor, null, new PoiFilter(classCode, division), page);
    }

    /**
     * The caller's division prefixes ({@code null} = all) after checking the read permission, the
     * class and that a requested division overlaps the caller's scope.
     */
    List<String> scope(Actor actor, PoiFilter filter) {
        actor.require(Permission.DIVISION_READ);
        if (filter.classCode() != null && classes.find(filter.classCode()).isEmpty()) {
            throw InvalidInput.of("class", "problem.unknown-poi-class", filter.classCode());
        }
        DivisionCode d = filter.division();
        if (d != null && !actor.covers(d) && actor.divisions().stream().noneMatch(d::contains)) {
            actor.requireDivision(d);
        }
        return actor.isSystem()
                ? null
                : actor.divisions().stream().map(DivisionCode::prefix).toList();
    }

    private static <T> List<T> slice(List<T> all, PageRequest page) {
        int from = Math.min(page.offset(), all.size());
        return all.subList(from, Math.min(all.size(), from + page.limit()));
    }

    private record Near(Located at, double distanceM) {}
}
