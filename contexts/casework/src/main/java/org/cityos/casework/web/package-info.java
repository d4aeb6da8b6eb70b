/** HTTP for casework: intake channels, the case desk and inboxes, dispatch rules, notices. */
package org.cityos.casework.web;
