package org.cityos.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values filed under literal text beginnings, found by walking a text once, character by character, instead of
 * testing every beginning against it: a request path meets only the mappings whose beginnings lie on its way.
 * Built once, then read by many threads (never changed after building).
 */
final class PrefixIndex<T> {
    private static final class Node<T> {
        final Map<Character, Node<T>> next = new HashMap<>(4);
        final List<T> here = new ArrayList<>(1);
    }

    private final Node<T> root = new Node<>();

    /** Files {@code value} under {@code prefix} (the empty prefix: every text). */
    void add(String prefix, T value) {
        Node<T> node = root;
        for (int i = 0; i < prefix.length(); i++) {
            node = node.next.computeIfAbsent(prefix.charAt(i), c -> new Node<>());
        }
        if (!containsSame(node.here, value)) {
            node.here.add(value);
        }
    }

    /** Every value filed under a beginning of {@code text}, each once, shorter beginnings first. */
    List<T> startingWith(String text) {
        List<T> found = new ArrayList<>(8);
        Node<T> node = root;
        collect(node.here, found);
        for (int i = 0; i < text.length(); i++) {
            node = node.next.get(text.charAt(i));
            if (node == null) {
                break;
            }
            collect(node.here, found);
        }
        return found;
    }

    private static <T> void collect(List<T> here, List<T> found) {
        for (T value : here) {
            // A value filed under two beginnings of the same text (a mapping with two patterns) is found once.
            if (!containsSame(found, value)) {
                found.add(value);
            }
        }
    }

    private static <T> boolean containsSame(List<T> values, T value) {
        for (T v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
