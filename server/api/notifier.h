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

class PgListener;

/// Turns committed writes into push hints: {"type":"changes"} to the users who can see what changed,
/// {"type":"fullSyncRequired"} on a forced full sync. On PostgreSQL the hint also goes out as
/// NOTIFY outpost_changes, and hints from other instances on the same database are pushed here too.
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
    /// Which users an Affected reaches (assignees, queue members, admins; everyone).
    Result<QSet<QString>> recipients(const Affected &affected);

private:
    void publishLocal(const QSet<QString> &users, bool everyone, bool fullSync);
    void onRemote(const QByteArray &payload);

    Database &m_db;
    QMutex m_mutex;
    http::NotifyHub *m_hub = nullptr;
    std::unique_ptr<WorkerThread> m_thread; // owns m_listener
    PgListener *m_listener = nullptr;
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
