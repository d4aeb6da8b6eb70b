/** HTTP API of the spatial context: divisions, their tree and their import. */
package org.cityos.spatial.web;
