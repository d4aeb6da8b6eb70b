/** Casework's SQL repositories over its own tables, written with JdbcClient. */
package org.cityos.casework.persistence;
