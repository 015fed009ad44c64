#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace counterline::httpkit {

// The routes a server has ("/v1/orders/<arg>/events"), so that metrics and logs name a request
// by its route and never by what the client put in its path: whatever ids arrive, the labels
// stay as many as the routes.
class RouteTemplates
{
public:
    // Adds a route as QHttpServer takes it; `<arg>` stands for one path segment.
    void add(const QString &pathTemplate);

    // "POST /v1/orders/{id}/events"; a path no route has is "unmatched", a method outside
    // HTTP's own is "OTHER".
    QString labelOf(QByteArrayView method, QByteArrayView path) const;

private:
    QList<QStringList> m_templates;
};

// `text` with everything but printable ASCII, and `"` and `\`, written as \xNN: safe in a log line
// or a metric label whatever the client sent.
QString printable(QByteArrayView text);

} // namespace counterline::httpkit
