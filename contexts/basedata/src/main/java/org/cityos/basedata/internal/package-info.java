/** Check digits, pinyin, masking, matching and survivorship: the rules of the base databases, free of I/O. */
package org.cityos.basedata.internal;
