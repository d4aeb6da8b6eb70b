package org.cityos.casework;

/**
 * A pluggable way to reach handlers besides the in-app inbox (SMS gateway, e-mail, a government messenger): a
 * Spring bean implementing this receives every notice after its transaction commits. A failing channel is logged and
 * never undoes the notice.
 */
public interface CaseNoticeChannel {
    void deliver(CaseNotice notice);
}
