// The shift at the till, part of CheckoutWindow: the opening float counted at log-in, and the
// count at the end into a Z report, which needs a manager while orders still wait to sync.

#include "ui/amount_prompt.h"
#include "ui/checkout_window.h"
#include "ui/close_shift_dialog.h"
#include "ui/login_page.h"
#include "ui/manager_approval.h"
#include "ui/money_format.h"
#include "ui/slip.h"
#include "ui/z_report.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace counterline::ui {

bool CheckoutWindow::openShift()
{
    const QString name = m_till->user()->name;
    const std::optional<Money> openingFloat = AmountPrompt::askMoney(
        this, tr("Open shift"), tr("%1, count the opening float in the drawer:").arg(name),
        m_till->terminal().currency);
    if (!openingFloat)
        return false;
    if (Result<void> opened = m_till->openShift(*openingFloat); !opened) {
        m_login->reset();
        m_login->showMessage(opened.error().message);
        return false;
    }
    return true;
}

void CheckoutWindow::closeShift()
{
    if (!m_till->shift())
        return;
    Result<QList<till::ParkedSale>> parked = m_till->parkedSales();
    CloseShiftDialog count(m_till->terminal().currency,
                           parked ? *parked : QList<till::ParkedSale>(), this);
    if (count.exec() != QDialog::Accepted) {
        backToScan();
        return;
    }
    const QString cashier = m_till->user()->name;
    Result<store::ZReport> closed = m_till->closeShift(count.cash(), count.card());
    if (!closed && closed.error().code == u"shift.orders_waiting"_s) {
        // Closing before the orders reach the server needs a manager, who is recorded; the
        // manager sees how many orders are still only on this till.
        const Result<store::ZReport> figures = m_till->shiftReport(count.cash(), count.card());
        ApprovalRequest request{tr("Closing the shift before every order has synced"),
                                {{tr("Cashier"), cashier}}};
        if (figures) {
            request.details.append(
                {tr("Orders not yet on the server"), QLocale().toString(figures->waitingToSync)});
            request.details.append({tr("Cash difference"), formatMoney(figures->cashDifference())});
        }
        const std::optional<store::User> manager =
            ManagerApproval::ask(m_till->users(), request, this);
        if (!manager) {
            showMessage(closed.error().message, true);
            backToScan();
            return;
        }
        closed = m_till->closeShift(count.cash(), count.card(), manager->name);
    }
    if (!closed) {
        showMessage(closed.error().message, true);
        backToScan();
        return;
    }
    QDir().mkpath(m_options.receiptDirectory);
    const QString file =
        QDir(m_options.receiptDirectory)
            .filePath(u"Z-%1-%2.pdf"_s.arg(closed->closedAt.toUTC().toString(u"yyyyMMdd-HHmmss"_s),
                                           closed->shift.id.left(8)));
    const QList<SlipRow> report = zReportRows(*closed, m_till->terminal().storeId);
    const Result<void> printed =
        printSlip(Slip{tr("Z report"), report, {}}, m_options.paper, file, m_options.printerName);
    if (QFileInfo::exists(file))
        m_lastZReport = file;
    logOut();
    const QString closedText =
        tr("Shift closed. Cash difference %1.").arg(formatMoney(closed->cashDifference()));
    m_login->showMessage(printed ? closedText : closedText + u' ' + printed.error().message);
    m_login->showShiftReport(slipRowsHtml(report));
}

} // namespace counterline::ui
