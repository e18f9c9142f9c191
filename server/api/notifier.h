// SPDX-License-Identifier: MIT
#pragma once

#include "affected.h"
#include "database.h"
#include "httptypes.h"

#include <QMutex>
#include <QObject>
#include <QTimer>

#include <memory>

namespace outpost {
class WorkerThread;
}

namespace outpost::server {

class ConsoleHints;
class PgListener;

/// Whether users of these roles use the operations console (administrators, dispatchers).
bool isConsoleUser(const QStringList &roles);

/// Turns committed writes into push hints: {"type":"changes"} to the users who can see what changed,
/// {"type":"fullSyncRequired"} on a forced full sync. On PostgreSQL the hint also goes out as
/// NOTIFY outpost_changes, and hints from other instances on the same database are pushed here too.
/// The operations console's users (administrators, dispatchers) also get {"type":"console",
/// "topic":…} hints (notifyConsole), coalesced per topic on `outpostd-hints`.
class Notifier
{
public:
    explicit Notifier(Database &db);
    ~Notifier();

    void setHub(http::NotifyHub *hub);
    /// After a commit. Never fails the request: problems are logged.
    void notify(const Affected &affected);
    /// Closes this instance's WebSockets of these sessions (sign-out); other instances find out at
    /// their next check (Handler::stillSubscribed).
    void closeSessions(const QSet<QString> &sessions);
    /// Which users an Affected reaches (assignees, queue members, admins and dispatchers; everyone).
    Result<QSet<QString>> recipients(const Affected &affected);
    /// Tells the console's users that something of `topic` changed ("cases", "devices",
    /// "syncIssues", "users", "caseTypes", "dataPages"): {"type":"console","topic":…}, at most one
    /// per topic per 500 ms, on every instance of the database. Returns at once; never fails.
    void notifyConsole(const QString &topic);
    /// How long hints of one topic are folded into one (tests shorten it before setHub).
    void setConsoleInterval(int ms) { m_consoleIntervalMs = ms; }

private:
    void publishLocal(const QSet<QString> &users, bool everyone, const QByteArray &text);
    void onRemote(const QByteArray &payload);
    void sendConsole(const QString &topic, bool broadcast); // on the hints thread
    void pgNotify(const QJsonObject &payload);

    Database &m_db;
    QMutex m_mutex;
    http::NotifyHub *m_hub = nullptr;
    std::unique_ptr<WorkerThread> m_thread; // owns m_listener
    PgListener *m_listener = nullptr;
    std::unique_ptr<WorkerThread> m_hintsThread; // owns m_hints
    ConsoleHints *m_hints = nullptr;
    int m_consoleIntervalMs = 500;
};

/// LISTENs on a dedicated connection, living on its own QThread (QSqlDriver notifications need that
/// thread's event loop).
class PgListener : public QObject
{
    Q_OBJECT
public:
    explicit PgListener(Database &db)
        : m_db(db)
    { }
    /// On its thread as it ends: UNLISTEN and close its connection.
    ~PgListener() override;
    Q_INVOKABLE void start();

Q_SIGNALS:
    void received(const QByteArray &payload);

private:
    bool subscribe();
    void check();

    Database &m_db;
    QString m_connection;
    QTimer *m_check = nullptr;
    bool m_listening = false;
};

} // namespace outpost::server
