/** Domain outcomes that stop a command, each with a stable type that the web layer turns into RFC 9457 problems. */
package org.cityos.kernel.problem;
