package org.cityos.simulator.citizens;

/** What a handler bot does with an inbox entry on one pass. */
public enum HandlerAction {
    /** 签收. */
    SIGN,
    /** Starts handling a signed case it leads. */
    START,
    /** 反馈: the main unit's reply, or a co-handler's part. */
    REPLY,
    /** 退单: not ours, back to whoever dispatched it. */
    RETURN,
    /** Nothing yet: still working, deliberately overrunning, or not signing at all. */
    WAIT
}
