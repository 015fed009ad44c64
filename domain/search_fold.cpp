#include "domain/search_fold.h"

using namespace Qt::StringLiterals;

namespace counterline {

QString foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing)
            continue;
        if (c == QChar(0x00DF) || c == QChar(0x1E9E)) { // ß, ẞ
            folded += u"ss"_s;
            continue;
        }
        folded += c.toCaseFolded();
    }
    return folded;
}

} // namespace counterline
