/** Road network synthesis, address text parsing, gazetteer synthesis and the in-memory geocoding index. */
package org.cityos.spatial.internal.geocoding;
