/** HTTP API of the identity context and the security filter that turns credentials into an {@code Actor}. */
package org.cityos.identity.web;
