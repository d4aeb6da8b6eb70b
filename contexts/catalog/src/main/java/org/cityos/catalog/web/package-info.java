/** The catalogue and ledger over HTTP: entries with ETags, history, search, files, verification. */
package org.cityos.catalog.web;
