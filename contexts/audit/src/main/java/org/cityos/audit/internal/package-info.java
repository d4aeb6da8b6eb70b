/** How the trail is made tamper-evident: canonical encoding, the hash chainer, checkpoint signing and verification. */
package org.cityos.audit.internal;
