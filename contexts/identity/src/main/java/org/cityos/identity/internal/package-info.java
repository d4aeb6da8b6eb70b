/** Credential mechanics: password policy and hashing, token digests, masking, the credential cache, bootstrap users. */
package org.cityos.identity.internal;
