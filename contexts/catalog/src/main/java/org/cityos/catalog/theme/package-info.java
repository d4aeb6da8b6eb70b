/** Theme databases: themes whose tables are declarative queries over allowed sources, materialised and refreshed. */
package org.cityos.catalog.theme;
