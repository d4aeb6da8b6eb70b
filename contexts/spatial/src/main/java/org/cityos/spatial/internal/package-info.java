/** Rules of the division tree: which kinds fit which levels, how codes nest, how reference and imported rows become divisions. */
package org.cityos.spatial.internal;
