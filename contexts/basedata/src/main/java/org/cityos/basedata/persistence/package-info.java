/** Plain SQL over the basedata_* tables; bulk writes go through COPY. */
package org.cityos.basedata.persistence;
