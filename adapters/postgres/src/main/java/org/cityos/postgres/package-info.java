/** The PostgreSQL CityOS runs on: a real server started in-process by default, or an external one by configuration. */
package org.cityos.postgres;
