/** Video channel rules: GB/T 28181 id structure, channel drafts, stream addresses, who may view, files and synthetic channels. */
package org.cityos.iot.internal.video;
