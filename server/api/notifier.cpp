// SPDX-License-Identifier: MIT
#include "notifier.h"

#include "apilogging.h"
#include "consolehints.h"
#include "thread/workerthread.h"
#include "tx.h"
#include "userstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>

namespace outpost::server {

namespace {
const QString kChannel = QStringLiteral("outpost_changes");
const QByteArray kChanges = R"({"type":"changes"})";
const QByteArray kFullSync = R"({"type":"fullSyncRequired"})";

bool isTopic(const QString &topic)
{
    static const QStringList topics { QStringLiteral("cases"), QStringLiteral("devices"),
        QStringLiteral("syncIssues"), QStringLiteral("users"), QStringLiteral("caseTypes"),
        QStringLiteral("dataPages") };
    return topics.contains(topic);
}
} // namespace

bool isConsoleUser(const QStringList &roles)
{
    return roles.contains(QLatin1String("admin")) || roles.contains(QLatin1String("dispatcher"));
}

Notifier::Notifier(Database &db)
    : m_db(db)
{ }

// The listener goes with its thread (WorkerThread::stop), unsubscribing there.
Notifier::~Notifier() = default;

void Notifier::setHub(http::NotifyHub *hub)
{
    {
        QMutexLocker lock(&m_mutex);
        m_hub = hub;
        if (hub && !m_hintsThread && QCoreApplication::instance()) {
            m_hints = new ConsoleHints(
                [this](const QString &topic, bool broadcast) { sendConsole(topic, broadcast); },
                m_consoleIntervalMs);
            m_hintsThread = std::make_unique<WorkerThread>(QStringLiteral("outpostd-hints"), m_hints);
            m_hintsThread->start();
        }
        if (!hub || m_thread || m_db.kind() != DbKind::PostgreSQL || !QCoreApplication::instance())
            return;
        m_listener = new PgListener(m_db);
        m_thread = std::make_unique<WorkerThread>(QStringLiteral("outpostd-listen"), m_listener);
    }
    QObject::connect(
        m_listener, &PgListener::received, m_listener, [this](const QByteArray &p) { onRemote(p); },
        Qt::DirectConnection);
    m_thread->start();
    // Blocking: LISTEN is in place when setHub returns, so no hint sent after it is missed.
    QMetaObject::invokeMethod(m_listener, &PgListener::start, Qt::BlockingQueuedConnection);
}

Result<QSet<QString>> Notifier::recipients(const Affected &affected)
{
    QSet<QString> out = affected.users;
    if (affected.queues.isEmpty() && !affected.admins)
        return out;
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto q = runSql(conn.value(), QStringLiteral("SELECT id, roles, queues FROM users"));
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QString id = q.value().value(0).toString();
        if (affected.admins && isConsoleUser(splitList(q.value().value(1).toString())))
            out.insert(id);
        for (const QString &queue : splitList(q.value().value(2).toString()))
            if (affected.queues.contains(queue))
                out.insert(id);
    }
    return out;
}

void Notifier::notify(const Affected &affected)
{
    if (affected.isEmpty())
        return;
    QSet<QString> users;
    if (!affected.everyone) {
        auto r = recipients(affected);
        if (!r) {
            qCWarning(lcApi).noquote() << "push skipped:" << r.error().message;
            return;
        }
        users = r.value();
    }
    publishLocal(users, affected.everyone, affected.fullSync ? kFullSync : kChanges);
    // A case changed: the console's lists follow.
    if (affected.admins && !affected.fullSync)
        notifyConsole(QStringLiteral("cases"));
    if (m_db.kind() != DbKind::PostgreSQL)
        return;
    QJsonObject payload { { QStringLiteral("origin"), m_db.instanceId() },
        { QStringLiteral("type"),
            affected.fullSync ? QStringLiteral("fullSyncRequired") : QStringLiteral("changes") } };
    QByteArray text;
    if (!affected.everyone) {
        payload.insert(
            QStringLiteral("users"), QJsonArray::fromStringList(QStringList(users.cbegin(), users.cend())));
        text = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    }
    if (affected.everyone || text.size() > 7000) {
        payload.remove(QStringLiteral("users"));
        payload.insert(QStringLiteral("everyone"), true);
        text = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    }
    auto conn = m_db.connection();
    if (!conn)
        return;
    if (auto q = runSql(
            conn.value(), QStringLiteral("SELECT pg_notify(?, ?)"), { kChannel, QString::fromUtf8(text) });
        !q)
        qCWarning(lcApi).noquote() << "NOTIFY failed:" << q.error().message;
}

void Notifier::notifyConsole(const QString &topic)
{
    if (!isTopic(topic)) {
        qCWarning(lcApi).noquote() << "unknown console topic" << topic.left(40);
        return;
    }
    QMutexLocker lock(&m_mutex);
    if (m_hints)
        QMetaObject::invokeMethod(
            m_hints, "hint", Qt::QueuedConnection, Q_ARG(QString, topic), Q_ARG(bool, true));
}

void Notifier::sendConsole(const QString &topic, bool broadcast)
{
    // The console's users are few; they are read at each hint (at most two a second per topic), so
    // a user added or given the role hears the next one.
    QSet<QString> users;
    auto conn = m_db.connection();
    if (!conn) {
        qCWarning(lcApi).noquote() << "console hint skipped:" << conn.error().message;
        return;
    }
    auto q = runSql(conn.value(), QStringLiteral("SELECT id, roles FROM users WHERE disabled = 0"));
    if (!q) {
        qCWarning(lcApi).noquote() << "console hint skipped:" << q.error().message;
        return;
    }
    while (q.value().next())
        if (isConsoleUser(splitList(q.value().value(1).toString())))
            users.insert(q.value().value(0).toString());
    q.value().finish();
    const QByteArray text = QJsonDocument(
        QJsonObject { { QStringLiteral("type"), QStringLiteral("console") },
            { QStringLiteral("topic"),
                topic } }).toJson(QJsonDocument::Compact);
    publishLocal(users, false, text);
    if (!broadcast || m_db.kind() != DbKind::PostgreSQL)
        return;
    const QJsonObject payload { { QStringLiteral("origin"), m_db.instanceId() },
        { QStringLiteral("type"), QStringLiteral("console") }, { QStringLiteral("topic"), topic } };
    if (auto n = runSql(conn.value(), QStringLiteral("SELECT pg_notify(?, ?)"),
            { kChannel, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)) });
        !n)
        qCWarning(lcApi).noquote() << "NOTIFY failed:" << n.error().message;
}

void Notifier::closeSessions(const QSet<QString> &sessions)
{
    QMutexLocker lock(&m_mutex);
    if (m_hub)
        m_hub->closeSessions(sessions);
}

void Notifier::publishLocal(const QSet<QString> &users, bool everyone, const QByteArray &text)
{
    QMutexLocker lock(&m_mutex);
    if (!m_hub)
        return;
    if (everyone)
        m_hub->publishAll(text);
    else if (!users.isEmpty())
        m_hub->publish(users, text);
}

void Notifier::onRemote(const QByteArray &payload)
{
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    if (o.value(QStringLiteral("origin")).toString() == m_db.instanceId())
        return; // our own, pushed already
    if (o.value(QStringLiteral("type")).toString() == QLatin1String("console")) {
        const QString topic = o.value(QStringLiteral("topic")).toString();
        QMutexLocker lock(&m_mutex);
        if (m_hints && isTopic(topic)) // coalesced here too; not sent on again
            QMetaObject::invokeMethod(
                m_hints, "hint", Qt::QueuedConnection, Q_ARG(QString, topic), Q_ARG(bool, false));
        return;
    }
    const bool fullSync = o.value(QStringLiteral("type")).toString() == QLatin1String("fullSyncRequired");
    QSet<QString> users;
    for (const QJsonValue &v : o.value(QStringLiteral("users")).toArray())
        users.insert(v.toString());
    publishLocal(users, o.value(QStringLiteral("everyone")).toBool(), fullSync ? kFullSync : kChanges);
}

void PgListener::start()
{
    m_connection = QStringLiteral("listen");
    m_listening = subscribe();
    // A dropped connection (database restart, network) is noticed and LISTEN set up again.
    m_check = new QTimer(this);
    m_check->setInterval(10000);
    connect(m_check, &QTimer::timeout, this, &PgListener::check);
    m_check->start();
}

bool PgListener::subscribe()
{
    auto conn = m_db.openDedicated(m_connection);
    if (!conn) {
        qCWarning(lcApi).noquote() << "LISTEN unavailable; pushes from other instances are off for now:"
                                   << conn.error().message;
        return false;
    }
    QSqlDriver *driver = conn.value().driver();
    disconnect(driver, &QSqlDriver::notification, this, nullptr);
    connect(driver, &QSqlDriver::notification, this,
        [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
            if (name == kChannel)
                Q_EMIT received(payload.toString().toUtf8());
        });
    if (!driver->subscribedToNotifications().contains(kChannel)
        && !driver->subscribeToNotification(kChannel)) {
        qCWarning(lcApi) << "cannot LISTEN on" << kChannel;
        return false;
    }
    return true;
}

void PgListener::check()
{
    QSqlDatabase db = QSqlDatabase::database(m_db.connectionName(m_connection), false);
    if (m_listening && db.isValid() && db.isOpen() && QSqlQuery(db).exec(QStringLiteral("SELECT 1")))
        return;
    if (db.isValid()) {
        if (db.driver())
            db.driver()->unsubscribeFromNotification(kChannel);
        db.close();
    }
    m_listening = subscribe();
    if (m_listening) {
        qCInfo(lcApi) << "LISTEN re-established on" << kChannel;
        // Hints sent while we were away are lost: tell everyone to look.
        Q_EMIT received(QByteArrayLiteral(R"({"type":"changes","everyone":true})"));
    }
}

PgListener::~PgListener()
{
    if (m_check)
        m_check->stop();
    if (m_connection.isEmpty())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_db.connectionName(m_connection), false);
    if (db.isValid() && db.driver()) {
        db.driver()->unsubscribeFromNotification(kChannel);
        db.close();
    }
}

} // namespace outpost::server
