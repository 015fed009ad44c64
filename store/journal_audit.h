#pragma once

#include "domain/result.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace counterline::store {

// A run of journal entry numbers, first to last inclusive.
struct SeqRange
{
    qint64 first = 0;
    qint64 last = 0;

    friend bool operator==(const SeqRange &, const SeqRange &) = default;
};

// The server's answer to GET /v1/terminal/journal.
struct ServerJournalView
{
    qint64 highestSeq = 0;
    QList<SeqRange> gaps;
    QList<qint64> brokenLinks;
};

// This terminal's journal compared with the server's copy: entries the server lacks although
// they are no longer waiting in the outbox never arrived (BRIEF §5, promise 1).
struct JournalAuditResult
{
    QDateTime checkedAt;
    qint64 localHighest = 0;
    qint64 serverHighest = 0;
    QList<SeqRange> missing;
    QList<qint64> broken;

    bool continuous() const { return missing.isEmpty() && broken.isEmpty(); }
    QString describe() const; // for the status bar and `sync status`
};

class JournalAudit
{
    Q_DECLARE_TR_FUNCTIONS(JournalAudit)

public:
    // Compares and keeps the result (the last one is what status shows).
    static Result<JournalAuditResult>
    reconcile(const Database &database, const ServerJournalView &server, const QDateTime &at);
    static Result<std::optional<JournalAuditResult>> last(const Database &database);

    static QString rangesText(const QList<SeqRange> &ranges);   // "3-5,9"
    static QList<SeqRange> rangesFromText(const QString &text); // inverse of rangesText
};

} // namespace counterline::store
