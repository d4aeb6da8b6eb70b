/** The identity context's public face: departments, users, roles and scopes, sessions and API keys. */
package org.cityos.identity;
