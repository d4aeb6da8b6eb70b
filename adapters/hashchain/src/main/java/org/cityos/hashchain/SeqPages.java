package org.cityos.hashchain;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * Iterates rows in chain order a page at a time by keyset (next page starts after the last position
 * seen), never by OFFSET, so walking a chain of any length stays linear and memory stays flat.
 */
public final class SeqPages<T> implements Iterator<T> {
    private final LongFunction<List<T>> fetchFrom;
    private final ToLongFunction<T> seqOf;
    private final int pageSize;
    private List<T> page;
    private int index;
    private long nextFrom;
    private boolean atEnd;

    public SeqPages(long from, int pageSize, LongFunction<List<T>> fetchFrom, ToLongFunction<T> seqOf) {
        this.nextFrom = from;
        this.pageSize = pageSize;
        this.fetchFrom = fetchFrom;
        this.seqOf = seqOf;
    }

    @Override
    public boolean hasNext() {
        if (page != null && index < page.size()) {
            return true;
        }
        if (atEnd || (page != null && page.size() < pageSize)) {
            return false;
        }
        page = fetchFrom.apply(nextFrom);
        index = 0;
        return !page.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = page.get(index++);
        long seq = seqOf.applyAsLong(item);
        // A tampered row at the largest position would wrap the next page around to the smallest.
        atEnd = seq == Long.MAX_VALUE;
        nextFrom = seq + 1;
        return item;
    }

    /** The next item, or null at the end. */
    public T nextOrNull() {
        return hasNext() ? next() : null;
    }
}
