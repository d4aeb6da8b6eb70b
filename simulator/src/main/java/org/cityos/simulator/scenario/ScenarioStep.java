package org.cityos.simulator.scenario;

import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.conditions.CityConditions;

/** One thing a scenario makes happen; each kind pulls one lever. */
public sealed interface ScenarioStep {
    /** Pulls this step's lever. */
    void apply(CityConditions conditions, CaseLevers cases);

    /** {@code rain centre=lon,lat radius=3000 mm-per-hour=60}; zero ends the rain there. */
    record Rain(GeoPoint centre, double radiusMetres, double millimetresPerHour) implements ScenarioStep {
        @Override
        public void apply(CityConditions conditions, CaseLevers cases) {
            conditions.rain(centre, radiusMetres, millimetresPerHour);
        }
    }

    /** {@code temperature offset=-12}: a cold snap; zero ends it. */
    record Temperature(double offsetCelsius) implements ScenarioStep {
        @Override
        public void apply(CityConditions conditions, CaseLevers cases) {
            conditions.temperatureOffset(offsetCelsius);
        }
    }

    /** {@code faults type=heat-pump-controller factor=30}: multiplies a device type's fault probability. */
    record Faults(String deviceType, double factor) implements ScenarioStep {
        @Override
        public void apply(CityConditions conditions, CaseLevers cases) {
            conditions.faultFactor(deviceType, factor);
        }
    }

    /** {@code gas-leak site=lon,lat radius=300 peak-ppm=8000}; zero ends the leak. */
    record GasLeak(GeoPoint site, double radiusMetres, double peakPpm) implements ScenarioStep {
        @Override
        public void apply(CityConditions conditions, CaseLevers cases) {
            conditions.gasLeak(site, radiusMetres, peakPpm);
        }
    }

    /** {@code off-route vehicle=BUS-0001 metres=1200}; zero brings it back. */
    record OffRoute(String vehicleId, double metres) implements ScenarioStep {
        @Override
        public void apply(CityConditions conditions, CaseLevers cases) {
            conditions.offRoute(vehicleId, metres);
        }
    }

    /**
     * {@code complaints place=lon,lat category=0304 count=6 spread=40}: citizens file {@code count} requests of one
     * category within {@code spread} metres of a place, at once.
     */
    record Complaints(GeoPoint place, String category, int count, double spreadMetres) implements ScenarioStep {
        @Override
        public void apply(CityConditions conditions, CaseLevers cases) {
            cases.fileComplaints(this);
        }
    }

    /** {@code stop-signing unit=dept:urban-management}, and {@code resume-signing} for the way back. */
    record Signing(String unit, boolean stopped) implements ScenarioStep {
        @Override
        public void apply(CityConditions conditions, CaseLevers cases) {
            cases.stopSigning(unit, stopped);
        }
    }
}
