/** How catalogue versions are put on the ledger and checked: encoding, the background chainer, verification. */
package org.cityos.catalog.internal;
