package org.cityos.alerting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * An alarm test over a fresh {@link AlarmBench} with one {@link AlarmNode}, both new for every test and closed after
 * it; a test that needs a second node (another member of the cluster, or a restart) asks the bench for one.
 */
abstract class OneNodeBench {
    AlarmBench bench;
    AlarmNode node;

    // Named apart from the subclasses' own set-up, which JUnit runs after this one (and tear-down before).
    @BeforeEach
    void openBenchAndNode() {
        bench = new AlarmBench();
        node = bench.node();
    }

    @AfterEach
    void closeNodeAndBench() {
        node.close();
        bench.close();
    }
}
