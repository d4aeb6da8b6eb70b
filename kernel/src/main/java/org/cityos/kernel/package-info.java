/** Small, stable types every context shares: typed codes, access actors, domain problems, events and paging. */
package org.cityos.kernel;
