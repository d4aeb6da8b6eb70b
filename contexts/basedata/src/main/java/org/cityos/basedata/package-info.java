/** The base databases' public face: people and organisations imported from department files, matched into golden records. */
package org.cityos.basedata;
