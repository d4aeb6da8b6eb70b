/** Plain SQL for the identity context's tables ({@code identity_*}). */
package org.cityos.identity.persistence;
