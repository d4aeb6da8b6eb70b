package org.cityos.spatial.internal.poi;

/** Receives rows one at a time while a file is streamed; never holds the whole file. */
@FunctionalInterface
public interface PoiRowSink {
    void accept(PoiRow row);
}
