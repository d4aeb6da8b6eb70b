/** Who is acting, with which roles and which division/department scope: the one question every context asks. */
package org.cityos.kernel.access;
