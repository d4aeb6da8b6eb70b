package org.cityos.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts CityOS: every context under {@code org.cityos} on one embedded or external PostgreSQL. */
@SpringBootApplication(scanBasePackages = "org.cityos")
public class CityOs {
    public static void main(String[] args) {
        SpringApplication.run(CityOs.class, args);
    }
}
