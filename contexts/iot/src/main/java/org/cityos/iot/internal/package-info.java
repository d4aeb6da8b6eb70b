/** Registry rules: type catalogue checks, id scheme, lifecycle, duplicates, inventory, credential mechanics. */
package org.cityos.iot.internal;
