/** The data resource catalogue (GB/T 21063 core metadata, versions, search, files) and its tamper-evident ledger. */
package org.cityos.catalog;
