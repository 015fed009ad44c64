#include "common/text_file.h"
#include "server/catalog_service.h"
#include "server/server_commands.h"

using namespace Qt::StringLiterals;

namespace counterline::app {

using namespace counterline::server;

int importCatalog(const AdminCall &call)
{
    const QString path = call.words.value(2);
    if (path.isEmpty())
        return usage(QCoreApplication::translate("counterline::server::main",
                                                 "catalog import needs a FILE.csv."));
    Result<QString> csv = app::readUtf8File(path);
    if (!csv)
        return fail(csv.error().message);
    Result<int> imported =
        CatalogService::import(call.db, *csv, call.parser.value(u"store"_s), call.now);
    if (!imported)
        return fail(u"%1: %2"_s.arg(path, imported.error().message));
    call.out << QCoreApplication::translate("counterline::server::main",
                                            "Imported %1 products from %2.")
                    .arg(*imported)
                    .arg(path)
             << Qt::endl;
    return 0;
}

} // namespace counterline::app
