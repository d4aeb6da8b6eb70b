/** Test helpers: a shared embedded PostgreSQL, a Debian PostgreSQL 15 server, a Debian Mosquitto broker, a controllable clock, free ports. */
package org.cityos.testkit;
