#include "ui/sync_status_bar.h"

#include "sync/problem_words.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace counterline::ui {

namespace {

QString age(qint64 seconds)
{
    if (seconds < 60)
        return SyncStatusBar::tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return SyncStatusBar::tr("%n min", nullptr, int(seconds / 60));
    return SyncStatusBar::tr("%n h", nullptr, int(seconds / 3600));
}

} // namespace

SyncStatusBar::SyncStatusBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_online = new QLabel(this);
    m_online->setObjectName(u"onlineLabel"_s);
    m_pending = new QLabel(this);
    m_pending->setObjectName(u"pendingLabel"_s);
    m_lastSync = new QLabel(this);
    m_lastSync->setObjectName(u"lastSyncLabel"_s);
    m_attention = new QPushButton(this);
    m_attention->setObjectName(u"attentionButton"_s);
    m_attention->setFlat(true);
    m_attention->setFocusPolicy(Qt::NoFocus);
    m_attention->hide();
    for (QWidget *widget :
         {static_cast<QWidget *>(m_online), static_cast<QWidget *>(m_pending),
          static_cast<QWidget *>(m_lastSync), static_cast<QWidget *>(m_attention)}) {
        layout->addWidget(widget);
    }
    connect(m_attention, &QPushButton::clicked, this, &SyncStatusBar::listNeedingAttention);
    m_online->setText(tr("Sync: not set up"));
}

void SyncStatusBar::show(bool online, const store::SyncStatus &status, const QDateTime &now)
{
    m_status = status;
    m_online->setText(online ? tr("● Online") : tr("○ Offline"));
    m_online->setStyleSheet(online ? u"color: #1b5e20;"_s : u"color: #b00020;"_s);
    m_pending->setText(
        status.pending == 0
            ? tr("Nothing waiting")
            : tr("%n waiting, oldest %1", nullptr, status.pending)
                  .arg(age(status.oldestPending ? status.oldestPending->secsTo(now) : 0)));
    m_lastSync->setText(status.lastSuccess
                            ? tr("Last sync %1")
                                  .arg(QLocale().toString(status.lastSuccess->toLocalTime().time(),
                                                          QLocale::ShortFormat))
                            : tr("Never synced"));
    m_attention->setVisible(status.needsAttention > 0);
    m_attention->setText(tr("⚠ %n need attention", nullptr, status.needsAttention));
    m_attention->setStyleSheet(u"color: #b00020; font-weight: bold;"_s);
}

void SyncStatusBar::listNeedingAttention()
{
    QStringList lines;
    for (const store::WaitingEntry &entry : std::as_const(m_status.waiting)) {
        if (entry.state == u"needs_attention"_s)
            lines << tr("%1: %2").arg(
                entry.receiptNo,
                sync::problemWords(entry.lastCode, entry.lastStatus, entry.lastError));
    }
    QMessageBox::information(this, tr("Orders that need attention"),
                             lines.isEmpty() ? tr("None.") : lines.join(u"\n\n"_s));
}

} // namespace counterline::ui
