package org.cityos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void readsTheCpuModelMemoryAndDistribution() {
        String cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel\t\t: 1\nmodel name\t: AMD EPYC 7B13\n";
        String meminfo = "MemTotal:       24683520 kB\nMemFree:         1000 kB\n";
        String osRelease = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n";

        assertThat(Machine.cpuModel(cpuinfo)).contains("AMD EPYC 7B13");
        assertThat(Machine.memTotalKib(meminfo)).isEqualTo(24_683_520L);
        assertThat(Machine.prettyName(osRelease)).contains("Debian GNU/Linux 12 (bookworm)");
    }

    @Test
    void unknownFieldsAreEmpty() {
        assertThat(Machine.cpuModel("model\t: 1\n")).isEmpty();
        assertThat(Machine.memTotalKib("")).isZero();
        assertThat(new Machine(2, "x", 0, "Java 17", "Linux").line())
                .isEqualTo("2 cores, x, unknown RAM, Java 17, Linux");
    }

    @Test
    void detectsThisMachine() {
        Machine m = Machine.detect();

        assertThat(m.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(m.line()).contains("Java " + System.getProperty("java.runtime.version"));
    }
}
