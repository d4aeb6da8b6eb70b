/**
 * Test helpers: a shared embedded PostgreSQL and fresh migrated databases on it, a Debian PostgreSQL 15 server, a
 * Debian Mosquitto broker, a controllable clock, free ports, and the pieces context fixtures wire Spring and MockMvc
 * from.
 */
package org.cityos.testkit;
