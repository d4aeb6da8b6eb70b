/** Quality rules, runs and scorecards over HTTP under {@code /api/catalog/quality}. */
package org.cityos.catalog.quality.web;
