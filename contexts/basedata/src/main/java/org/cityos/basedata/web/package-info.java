/** The base databases over HTTP under /api/basedata: imports, search, records (masked by default), matches, lineage. */
package org.cityos.basedata.web;
