/** The device registry benchmarks' parts: its services wired over a seeded district, and the import, query and token measurements. */
package org.cityos.benchmarks.iot;
