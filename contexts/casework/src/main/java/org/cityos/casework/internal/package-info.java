/** The case file and its transitions, the rules that pick units and deadlines, and the timer handlers. */
package org.cityos.casework.internal;
