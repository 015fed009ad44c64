#include "cli/cli_context.h"
#include "store/catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace counterline::cli {

int runCatalogImport(Context &context)
{
    const QString path = context.words.value(1);
    if (path.isEmpty() || context.words.size() > 2) {
        return context.usage(
            QCoreApplication::translate("counterline::cli", "Usage: catalog import FILE.csv"));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return context.fail(QCoreApplication::translate("counterline::cli", "Cannot read %1: %2")
                                .arg(path, file.errorString()));
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(file.readAll());
    if (decoder.hasError()) {
        return context.fail(QCoreApplication::translate(
                                "counterline::cli", "%1 is not UTF-8 text; nothing was imported.")
                                .arg(path));
    }
    store::Database *database = context.database();
    if (!database)
        return 1;
    Result<store::CatalogImportReport> report =
        store::Catalog(*database).importCsv(text, context.clock.now());
    if (!report)
        return context.fail(u"%1: %2"_s.arg(path, report.error().message));
    context.out << QCoreApplication::translate("counterline::cli", "Imported %1 products from %2.")
                       .arg(report->products)
                       .arg(path)
                << Qt::endl;
    return 0;
}

} // namespace counterline::cli
