/** The category tree's rules, its files (import, export, seed) and the model that suggests a leaf for a case's text. */
package org.cityos.casework.internal.categories;
