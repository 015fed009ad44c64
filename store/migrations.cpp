#include "store/migrations.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::store {

const QList<Migration> &terminalMigrations()
{
    static const QList<Migration> migrations = [] {
        Result<QList<Migration>> loaded = sqlkit::loadMigrations(u":/store/migrations"_s);
        if (!loaded) // compiled in: only a broken build gets here
            qFatal("%s", qPrintable(loaded.error().message));
        return *loaded;
    }();
    return migrations;
}

sqlkit::MigrationTarget terminalTarget(const QString &filePath, qint32 applicationId)
{
    sqlkit::MigrationTarget target;
    target.what =
        QCoreApplication::translate("counterline::store::Migrations", "The terminal database %1")
            .arg(filePath);
    target.record = sqlkit::VersionRecord::UserVersion;
    target.applicationId = applicationId;
    target.errorDomain = u"store"_s;
    return target;
}

} // namespace counterline::store
