#include "cli/cli_context.h"
#include "common/text_file.h"
#include "store/catalog.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::cli {

int runCatalogImport(Context &context)
{
    const QString path = context.words.value(1);
    if (path.isEmpty() || context.words.size() > 2) {
        return context.usage(
            QCoreApplication::translate("counterline::cli", "Usage: catalog import FILE.csv"));
    }
    Result<QString> text = app::readUtf8File(path);
    if (!text)
        return context.fail(text.error().message);
    store::Database *database = context.database();
    if (!database)
        return 1;
    Result<store::CatalogImportReport> report =
        store::Catalog(*database).importCsv(*text, context.clock.now());
    if (!report)
        return context.fail(u"%1: %2"_s.arg(path, report.error().message));
    context.out << QCoreApplication::translate("counterline::cli", "Imported %1 products from %2.")
                       .arg(report->products)
                       .arg(path)
                << Qt::endl;
    return 0;
}

} // namespace counterline::cli
