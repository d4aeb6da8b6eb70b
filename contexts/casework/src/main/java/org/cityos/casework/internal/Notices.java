package org.cityos.casework.internal;

import java.time.Instant;
import java.util.List;
import org.cityos.casework.CaseId;
import org.cityos.casework.CaseNotice;
import org.cityos.casework.CaseNoticeChannel;
import org.cityos.casework.NoticeKind;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.casework.persistence.NoticeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Tells units about their cases: an in-app notice in the same transaction, pluggable channels after commit. */
public final class Notices {
    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final NoticeRepository repository;
    private final List<CaseNoticeChannel> channels;

    public Notices(NoticeRepository repository, List<CaseNoticeChannel> channels) {
        this.repository = repository;
        this.channels = List.copyOf(channels);
    }

    public void tell(String unit, CaseRow row, NoticeKind kind, String detail, Instant at) {
        if (unit == null) {
            return;
        }
        String text = kind.nameZh() + "：" + row.number + " " + row.title + (detail == null ? "" : "（" + detail + "）");
        long id = repository.insert(unit, row.id, kind.name(), text, at);
        CaseNotice notice = new CaseNotice(id, unit, new CaseId(row.id), row.number, kind, text, at);
        if (channels.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(notice);
                }
            });
        } else {
            deliver(notice);
        }
    }

    private void deliver(CaseNotice notice) {
        for (CaseNoticeChannel channel : channels) {
            try {
                channel.deliver(notice);
            } catch (RuntimeException e) {
                log.warn("notice {} to {} not delivered by {}", notice.id(), notice.unit(), channel, e);
            }
        }
    }
}
