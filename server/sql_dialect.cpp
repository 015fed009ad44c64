#include "server/sql_dialect.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace counterline::server {

QString driverName(SqlKind kind)
{
    return kind == SqlKind::Sqlite ? u"QSQLITE"_s : u"QPSQL"_s;
}

QString applyDialect(const QString &sql, SqlKind kind)
{
    QString result = sql;
    if (kind == SqlKind::Sqlite) {
        result.replace(u"{{id}}"_s, u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
        result.replace(u"{{bigint}}"_s, u"INTEGER"_s);
    } else {
        result.replace(u"{{id}}"_s, u"BIGSERIAL PRIMARY KEY"_s);
        result.replace(u"{{bigint}}"_s, u"BIGINT"_s);
    }
    return result;
}

QStringList splitStatements(const QString &script)
{
    static const QRegularExpression comment(u"--[^\n]*"_s);
    static const QRegularExpression end(u";[ \t]*(\n|$)"_s);
    QString text = script;
    text.remove(comment);
    QStringList statements;
    for (const QString &part : text.split(end)) {
        const QString statement = part.trimmed();
        if (!statement.isEmpty())
            statements.append(statement);
    }
    return statements;
}

} // namespace counterline::server
