#include "cli/cli_context.h"
#include "store/journal.h"

#include <QCoreApplication>

namespace counterline::cli {

int runJournalVerify(Context &context)
{
    store::Database *database = context.database();
    if (!database)
        return 1;
    Result<store::JournalVerification> verified = store::Journal::verify(database->connection());
    if (!verified)
        return context.fail(verified.error());
    if (!verified->ok()) {
        return context.fail(
            QCoreApplication::translate("counterline::cli", "The journal is broken at entry %1: %2")
                .arg(*verified->firstBadSeq)
                .arg(verified->problem));
    }
    context.out << QCoreApplication::translate("counterline::cli",
                                               "The journal holds: %1 entries, chain intact.")
                       .arg(verified->entries)
                << Qt::endl;
    return 0;
}

} // namespace counterline::cli
