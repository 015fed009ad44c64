#include "store/search_fold_sql.h"

#include "domain/search_fold.h"
#include "store/sql.h"

#include <QCoreApplication>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

void foldText(sqlite3_context *context, int, sqlite3_value **arguments)
{
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(arguments[0]));
    const QByteArray folded =
        foldForSearch(QString::fromUtf8(text, sqlite3_value_bytes(arguments[0]))).toUtf8();
    sqlite3_result_text64(context, folded.constData(), sqlite3_uint64(folded.size()),
                          SQLITE_TRANSIENT, SQLITE_UTF8);
}

} // namespace

Result<void> installSearchFold(const QSqlDatabase &db)
{
    sqlite3 *handle = nativeHandle(db);
    if (!handle) {
        return Error{u"store.not_sqlite"_s,
                     QCoreApplication::translate("counterline::store::Search",
                                                 "The connection %1 is not an SQLite connection.")
                         .arg(db.connectionName())};
    }
    const int created = sqlite3_create_function_v2(
        handle, "counterline_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
        nullptr, foldText, nullptr, nullptr, nullptr);
    if (created != SQLITE_OK)
        return sqliteError(u"counterline_fold"_s, handle, created);
    return success();
}

} // namespace counterline::store
