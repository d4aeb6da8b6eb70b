package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.cityos.iot.internal.registry.CredentialCache;
import org.cityos.iot.internal.registry.CredentialChangeFeed;
import org.cityos.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A token change made on one node empties the other nodes' caches at their next poll, not after the cache TTL. */
class CredentialChangeFeedIT {

    @Test
    void aRevocationOnOneNodeReachesTheOthersCache() {
        String url = TestPostgres.newDatabase();
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        DataSource ds = new DriverManagerDataSource(url, "postgres", "");
        JdbcClient jdbc = JdbcClient.create(ds);
        CredentialCache cacheA = new CredentialCache(Duration.ofMinutes(10), Clock.systemUTC());
        CredentialCache cacheB = new CredentialCache(Duration.ofMinutes(10), Clock.systemUTC());
        CredentialChangeFeed nodeA = new CredentialChangeFeed(jdbc, cacheA, Clock.systemUTC());
        CredentialChangeFeed nodeB = new CredentialChangeFeed(jdbc, cacheB, Clock.systemUTC());
        DeviceId device = DeviceId.random();
        DeviceCredentialCheck check = new DeviceCredentialCheck(device, "waterlogging-level", DeviceState.ACTIVE, null);
        cacheA.put("aa", check);
        cacheB.put("bb", check);
        cacheB.put("cc", new DeviceCredentialCheck(DeviceId.random(), "camera", DeviceState.ACTIVE, null));

        nodeA.changed(device);

        assertThat(cacheA.get("aa")).isEmpty();
        assertThat(cacheB.get("bb")).as("not yet polled").isPresent();
        assertThat(nodeB.poll()).isEqualTo(1);
        assertThat(cacheB.get("bb")).isEmpty();
        assertThat(cacheB.get("cc")).as("other devices stay cached").isPresent();
        assertThat(nodeB.poll()).isZero();
    }
}
