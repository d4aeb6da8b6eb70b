package org.cityos.simulator.scenario;

import java.util.ArrayList;
import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.conditions.CityConditions;

/** Records every lever a scenario pulls, physical and human, as readable lines in order. */
final class RecordingLevers implements CityConditions, CaseLevers {
    final List<String> pulled = new ArrayList<>();

    @Override
    public void rain(GeoPoint centre, double radiusMetres, double millimetresPerHour) {
        pulled.add("rain " + centre.lon() + "," + centre.lat() + " r=" + radiusMetres + " " + millimetresPerHour);
    }

    @Override
    public void temperatureOffset(double celsius) {
        pulled.add("temperature " + celsius);
    }

    @Override
    public void faultFactor(String deviceType, double factor) {
        pulled.add("faults " + deviceType + " x" + factor);
    }

    @Override
    public void gasLeak(GeoPoint site, double radiusMetres, double peakPpm) {
        pulled.add("gas-leak " + site.lon() + "," + site.lat() + " r=" + radiusMetres + " " + peakPpm);
    }

    @Override
    public void offRoute(String vehicleId, double metres) {
        pulled.add("off-route " + vehicleId + " " + metres);
    }

    @Override
    public void fileComplaints(ScenarioStep.Complaints burst) {
        pulled.add("complaints " + burst.category() + " x" + burst.count());
    }

    @Override
    public void stopSigning(String unit, boolean stopped) {
        pulled.add((stopped ? "stop-signing " : "resume-signing ") + unit);
    }
}
