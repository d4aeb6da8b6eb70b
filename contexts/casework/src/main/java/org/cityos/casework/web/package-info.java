/** Casework's HTTP controllers: permission checks in the services they call, problems as RFC 9457. */
package org.cityos.casework.web;
