/** Catalogue entries, their versions and the ledger in PostgreSQL, by plain SQL. */
package org.cityos.catalog.persistence;
