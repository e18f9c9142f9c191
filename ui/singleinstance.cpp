// SPDX-License-Identifier: MIT
#include "singleinstance.h"

#include "uilogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>

namespace outpost::ui {

SingleInstance::SingleInstance(const QString &key, QObject *parent) : QObject(parent)
{
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    m_lockPath = dir + QStringLiteral("/outpost-") + hash + QStringLiteral(".lock");
    m_serverName = QStringLiteral("outpost-") + hash;
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::acquire()
{
    if (m_server)
        return true;
    m_lock = std::make_unique<QLockFile>(m_lockPath);
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        QLocalSocket socket;
        socket.connectToServer(m_serverName);
        if (socket.waitForConnected(500)) { // a local socket; never the network
            socket.write("raise\n");
            socket.waitForBytesWritten(500);
            socket.disconnectFromServer();
        }
        qCInfo(lcUi) << "another instance runs; asked it to raise its window";
        return false;
    }
    QLocalServer::removeServer(m_serverName); // left over by a crash; we hold the lock now
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_serverName))
        qCWarning(lcUi) << "single instance: cannot listen on" << m_serverName << m_server->errorString();
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *s = m_server->nextPendingConnection()) {
            connect(s, &QLocalSocket::readyRead, this, [this, s] {
                if (s->readAll().startsWith("raise"))
                    Q_EMIT raiseRequested();
                s->disconnectFromServer();
            });
            connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    return true;
}

} // namespace outpost::ui
