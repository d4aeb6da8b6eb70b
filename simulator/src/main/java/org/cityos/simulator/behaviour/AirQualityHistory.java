package org.cityos.simulator.behaviour;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Real hourly air quality from three Beijing stations (UCI, CC BY 4.0, see air-quality/SOURCE.md), replayed with
 * the years shifted onto the present: the same month, day and hour of a year the data covers.
 */
public final class AirQualityHistory {
    private static final List<String> STATIONS = List.of("Tiantan", "Wanshouxigong", "Gucheng");
    private static final LocalDateTime FIRST = LocalDateTime.of(2013, 3, 1, 0, 0);
    private static final int HOURS = 35_064;
    private final float[][][] values; // station, hour, column

    /** One hour at a station; CO in mg/m³, the rest in µg/m³. */
    public record Hour(double pm25, double pm10, double so2, double no2, double co, double o3) {
        /** The air quality index of HJ 633-2012 from PM2.5 and PM10 (the usual primary pollutants in Beijing). */
        public int aqi() {
            return (int) Math.ceil(Math.max(
                    iaqi(pm25, new double[] {0, 35, 75, 115, 150, 250, 350, 500}),
                    iaqi(pm10, new double[] {0, 50, 150, 250, 350, 420, 500, 600})));
        }

        private static double iaqi(double c, double[] bp) {
            double[] index = {0, 50, 100, 150, 200, 300, 400, 500};
            for (int i = 1; i < bp.length; i++) {
                if (c <= bp[i]) {
                    return index[i - 1] + (index[i] - index[i - 1]) * (c - bp[i - 1]) / (bp[i] - bp[i - 1]);
                }
            }
            return 500;
        }
    }

    private AirQualityHistory(float[][][] values) {
        this.values = values;
    }

    /** Reads the bundled CSVs from the classpath. */
    public static AirQualityHistory load() {
        float[][][] all = new float[STATIONS.size()][][];
        for (int s = 0; s < STATIONS.size(); s++) {
            String name = "/air-quality/PRSA_Data_" + STATIONS.get(s) + "_20130301-20170228.csv";
            try (InputStream in = AirQualityHistory.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + name);
                }
                all[s] = read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new AirQualityHistory(all);
    }

    private static float[][] read(BufferedReader reader) throws IOException {
        float[][] rows = new float[HOURS][6];
        float[] last = {50, 80, 10, 40, 800, 50};
        reader.readLine();
        String line;
        int i = 0;
        while ((line = reader.readLine()) != null && i < HOURS) {
            String[] cells = line.split(",", -1);
            for (int c = 0; c < 6; c++) {
                String cell = cells[5 + c];
                if (!cell.equals("NA") && !cell.isEmpty()) {
                    last[c] = Float.parseFloat(cell); // NA: the previous hour's value carries forward
                }
                rows[i][c] = last[c];
            }
            i++;
        }
        return rows;
    }

    public int stations() {
        return values.length;
    }

    /** The hour of station {@code station} (any index, taken modulo the stations) replayed at {@code t}. */
    public Hour at(int station, Instant t) {
        float[] v = values[Math.floorMod(station, values.length)][index(t)];
        return new Hour(v[0], v[1], v[2], v[3], v[4] / 1000.0, v[5]);
    }

    /** The data hour for {@code t}: March–December fall in 2013–2016, January–February in 2014–2017. */
    static int index(Instant t) {
        ZonedDateTime local = t.atZone(Weather.BEIJING);
        int month = local.getMonthValue();
        int year = month >= 3
                ? 2013 + Math.floorMod(local.getYear() - 2013, 4)
                : 2014 + Math.floorMod(local.getYear() - 2014, 4);
        int day = Math.min(local.getDayOfMonth(), month == 2 ? 28 : 31);
        LocalDateTime then = LocalDateTime.of(year, month, day, local.getHour(), 0);
        long hours = ChronoUnit.HOURS.between(FIRST, then);
        return (int) Math.max(0, Math.min(HOURS - 1, hours));
    }
}
