/** The audit trail: who changed what and who saw personal data, hash-chained and pinned by signed checkpoints. */
package org.cityos.audit;
