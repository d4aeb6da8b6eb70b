/** The transactional outbox: domain events stored with the change they describe and delivered after commit, at least once, to idempotent in-process consumers. */
package org.cityos.outbox;
