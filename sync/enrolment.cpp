#include "sync/enrolment.h"

#include "protocol/problem.h"
#include "sync/server_request.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace counterline::sync {

namespace {

// The store's terms as GET /v1/terminal describes them.
Result<store::TerminalIdentity> identityFrom(const QJsonObject &terminal)
{
    Result<Currency> currency = Currency::fromCode(terminal.value(u"currency"_s).toString());
    if (!currency)
        return currency.error();
    PricingPolicy policy;
    policy.taxMode = terminal.value(u"tax_mode"_s).toString() == u"exclusive"_s
                         ? TaxMode::PricesExcludeTax
                         : TaxMode::PricesIncludeTax;
    policy.rounding = terminal.value(u"rounding"_s).toString() == u"half-even"_s
                          ? RoundingRule::HalfEven
                          : RoundingRule::HalfUp;
    return store::TerminalIdentity{terminal.value(u"store_id"_s).toString(),
                                   terminal.value(u"terminal_id"_s).toString(), *currency, policy};
}

} // namespace

Enrolment::Enrolment(store::Database &database, const Clock &clock, store::SyncTarget target,
                     QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_target(std::move(target))
{}

void Enrolment::start(Done done)
{
    m_done = std::move(done);
    QNetworkReply *reply = m_network.get(serverRequest(m_target, u"/v1/terminal"_s));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status != 200) {
            const Result<protocol::Problem> problem = protocol::Problem::fromBody(body);
            m_done(Error{u"sync.server_refused"_s,
                         QCoreApplication::translate("counterline::sync::Enrolment",
                                                     "The server at %1 answered %2: %3")
                             .arg(m_target.serverUrl.toString())
                             .arg(status)
                             .arg(problem ? problem->detail : reply->errorString())});
            return;
        }
        Result<EnrolOutcome> adopted = adopt(QJsonDocument::fromJson(body).object());
        if (!adopted) {
            m_done(adopted.error());
            return;
        }
        pullCatalog(*adopted);
    });
}

Result<EnrolOutcome> Enrolment::adopt(const QJsonObject &terminal)
{
    Result<store::TerminalIdentity> identity = identityFrom(terminal);
    if (!identity)
        return identity.error();
    Result<store::TerminalIdentity> existing =
        store::TerminalSettings::load(m_database.connection());
    if (!existing) {
        if (Result<void> made = store::TerminalSettings::initialise(m_database.connection(),
                                                                    *identity, m_clock.now());
            !made) {
            return made.error();
        }
    } else if (existing->storeId != identity->storeId ||
               existing->terminalId != identity->terminalId ||
               existing->currency != identity->currency) {
        return Error{u"sync.other_terminal"_s,
                     QCoreApplication::translate(
                         "counterline::sync::Enrolment",
                         "This database belongs to terminal %1-%2, but the token is for "
                         "%3-%4; nothing was changed.")
                         .arg(existing->storeId, existing->terminalId, identity->storeId,
                              identity->terminalId)};
    }
    if (Result<void> saved = store::SyncSettings::save(m_database, m_target, m_clock.now());
        !saved) {
        return saved.error();
    }
    return EnrolOutcome{*identity, terminal.value(u"store_name"_s).toString(), 0};
}

void Enrolment::pullCatalog(EnrolOutcome outcome)
{
    m_puller = std::make_unique<Puller>(m_database, m_clock, m_target);
    m_puller->runCatalogOnly([this, outcome](const Result<PullResult> &pulled) mutable {
        if (!pulled) {
            m_done(pulled.error());
            return;
        }
        outcome.products = pulled->products;
        m_done(outcome);
    });
}

} // namespace counterline::sync
