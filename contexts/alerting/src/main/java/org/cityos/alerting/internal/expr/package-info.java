/**
 * Rule conditions in CEL: checked by cel-java's parser and type checker, then compiled into a tree of small
 * evaluators over a flat slot array, with cel-java's own runtime as a fallback for what the tree does not cover.
 */
package org.cityos.alerting.internal.expr;
