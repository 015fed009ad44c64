#pragma once

#include "domain/money.h"
#include "domain/result.h"

#include <QDialog>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;

namespace counterline::ui {

// Asks for one typed amount or quantity (an opening float, a new price, how many) and reads it
// with the shop's one reader (domain/typed_amount.h) when Enter is pressed. What cannot be read
// is said under the field and the dialog stays open with the text selected, so the cashier
// retypes instead of starting over. GUI thread.
class AmountPrompt : public QDialog
{
    Q_OBJECT

public:
    using Reader = std::function<Result<qint64>(const QString &typed)>;

    AmountPrompt(const QString &title, const QString &question, const QString &initial, Reader read,
                 QWidget *parent = nullptr);

    qint64 value() const { return m_value; }

    // An amount of `currency`; nothing when cancelled.
    static std::optional<Money> askMoney(QWidget *parent, const QString &title,
                                         const QString &question, const Currency &currency,
                                         const QString &initial = {});
    // A whole number of pieces from 1 to `most`; nothing when cancelled.
    static std::optional<qint64> askQuantity(QWidget *parent, const QString &title,
                                             const QString &question, qint64 initial, qint64 most);

private:
    void check();

    Reader m_read;
    QLineEdit *m_field = nullptr;
    QLabel *m_message = nullptr;
    qint64 m_value = 0;
};

} // namespace counterline::ui
