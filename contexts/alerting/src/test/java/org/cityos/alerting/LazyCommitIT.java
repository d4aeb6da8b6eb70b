package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.cityos.alerting.persistence.AlarmRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lazy commit is the transaction's own: the connection's next transaction waits for the disk again. One connection
 * whose session waits for the disk (the test server's default does not), so a leaked setting would show.
 */
class LazyCommitIT {
    final AlarmBench bench = new AlarmBench();

    @AfterEach
    void close() {
        bench.close();
    }

    @Test
    void lazyInsideTheTransactionOnlyAndItsRowsAreStored() throws SQLException {
        Connection connection = bench.dataSource.getConnection();
        SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
        try {
            JdbcClient jdbc = JdbcClient.create(one);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(one));
            jdbc.sql("SET synchronous_commit TO on").update();
            AlarmRepository alarms = new AlarmRepository(jdbc);

            String during = tx.execute(status -> {
                alarms.commitLazily();
                jdbc.sql("CREATE TABLE lazy_probe (n int)").update();
                jdbc.sql("INSERT INTO lazy_probe VALUES (1)").update();
                return setting(jdbc);
            });
            String after = tx.execute(status -> setting(jdbc));

            assertThat(during).isEqualTo("off");
            assertThat(after).isEqualTo("on");
            assertThat(bench.jdbc
                            .sql("SELECT count(*) FROM lazy_probe")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            connection.close();
        }
    }

    private static String setting(JdbcClient jdbc) {
        return jdbc.sql("SELECT current_setting('synchronous_commit')")
                .query(String.class)
                .single();
    }
}
