/** The HTTP face of the audit trail: search, verification, checkpoints and export for auditors. */
package org.cityos.audit.web;
