/** Plain SQL over {@code audit_record} and {@code audit_checkpoint}, joining whatever Spring transaction is open. */
package org.cityos.audit.persistence;
