// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <memory>

class QLocalServer;
class QLockFile;

namespace outpost::ui {

/// One running app per profile: a QLockFile in the runtime dir, and a QLocalServer the next start
/// connects to so that the running window comes to the front instead.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// `key` names the instance (e.g. derived from the profile dir).
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// True: this is the first instance (now listening). False: another one runs and was asked to
    /// raise its window; the caller should exit.
    bool acquire();
    bool isPrimary() const { return m_server != nullptr; }
    QString lockPath() const { return m_lockPath; }
    QString serverName() const { return m_serverName; }

Q_SIGNALS:
    /// A second start asked this instance to show its window.
    void raiseRequested();

private:
    QString m_lockPath;
    QString m_serverName;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace outpost::ui
