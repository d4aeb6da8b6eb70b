/** The assembly: the main class, platform beans and configuration; no domain code lives here. */
package org.cityos.app;
