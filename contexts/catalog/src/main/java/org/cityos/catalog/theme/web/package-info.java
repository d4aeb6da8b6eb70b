/** Themes, their refreshes and their rows over HTTP under {@code /api/themes}. */
package org.cityos.catalog.theme.web;
