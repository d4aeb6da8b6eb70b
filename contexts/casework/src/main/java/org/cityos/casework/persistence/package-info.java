/** Plain SQL for cases, assignments, steps, attachments, notices and the dispatch and intake tables. */
package org.cityos.casework.persistence;
