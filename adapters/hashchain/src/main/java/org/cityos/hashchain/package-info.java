/** Tamper-evident hash chains any context can keep: canonical bytes, SHA-256 links, Ed25519-signed checkpoints, verification. */
package org.cityos.hashchain;
