/** The deployment's optional basemap tile source, handed to the web front end as public configuration. */
package org.cityos.app.basemap;
