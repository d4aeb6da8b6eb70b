/** Data quality of catalogue resources: rules per resource, runs on schedule and on import, scorecards, events. */
package org.cityos.catalog.quality;
