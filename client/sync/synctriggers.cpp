// SPDX-License-Identifier: MIT
#include "synctriggers.h"

#include "synclogging.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QElapsedTimer>

#include <memory>

namespace outpost::sync {

LogindSleepSource::LogindSleepSource(QObject *parent)
    : SleepSource(parent)
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        qCInfo(lcSyncWorker) << "no system bus: no sync on resume from sleep (" << bus.lastError().message()
                             << ")";
        return;
    }
    m_listening = bus.connect(QStringLiteral("org.freedesktop.login1"),
        QStringLiteral("/org/freedesktop/login1"), QStringLiteral("org.freedesktop.login1.Manager"),
        QStringLiteral("PrepareForSleep"), this, SLOT(prepareForSleep(bool)));
    qCInfo(lcSyncWorker) << "logind sleep signal" << (m_listening ? "subscribed" : "not available");
}

void LogindSleepSource::prepareForSleep(bool sleeping)
{
    qCInfo(lcSyncWorker) << (sleeping ? "going to sleep" : "resumed from sleep");
    if (!sleeping)
        Q_EMIT resumed();
}

SyncTriggers::SyncTriggers(QObject *parent)
    : QObject(parent)
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_clock = [elapsed]() { return std::chrono::milliseconds(elapsed->elapsed()); };
    m_timer.setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this]() { fire(QStringLiteral("timer")); });
}

void SyncTriggers::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_lastCycle = m_clock();
    arm();
}

void SyncTriggers::setSleepSource(SleepSource *source)
{
    if (m_sleep)
        m_sleep->deleteLater();
    m_sleep = source;
    if (!m_sleep)
        return;
    m_sleep->setParent(this);
    connect(m_sleep, &SleepSource::resumed, this, [this]() {
        if (!m_running)
            return;
        Q_EMIT resumed();
        fire(QStringLiteral("resumed from sleep"));
    });
}

void SyncTriggers::setPeriodic(bool periodic)
{
    m_periodic = periodic;
    arm();
}

void SyncTriggers::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(1000));
    qCDebug(lcSyncWorker) << "sync interval" << m_interval.count() << "ms";
    arm();
}

std::chrono::milliseconds SyncTriggers::dueIn() const
{
    if (!m_timer.isActive())
        return std::chrono::milliseconds(-1);
    // From the clock, not the timer: a long QTimer is coarse (it may fire up to 5 % late).
    return std::max(m_lastCycle + m_interval - m_clock(), std::chrono::milliseconds(0));
}

void SyncTriggers::start(bool atStart)
{
    m_running = true;
    m_lastCycle = m_clock();
    arm();
    if (atStart)
        QTimer::singleShot(0, this, [this]() {
            if (m_running)
                fire(QStringLiteral("start-up"));
        });
}

void SyncTriggers::stop()
{
    m_running = false;
    m_timer.stop();
}

void SyncTriggers::cycleStarted()
{
    m_lastCycle = m_clock();
    arm();
}

void SyncTriggers::networkRegained()
{
    if (m_running)
        fire(QStringLiteral("reachable again"));
}

void SyncTriggers::arm()
{
    if (!m_running || !m_periodic) {
        m_timer.stop();
        return;
    }
    const auto due = m_lastCycle + m_interval - m_clock();
    m_timer.start(std::max(due, std::chrono::milliseconds(0)));
}

void SyncTriggers::fire(const QString &why)
{
    // The interval counts from this trigger even when the engine is busy and only notes it.
    m_lastCycle = m_clock();
    arm();
    Q_EMIT triggered(why);
}

} // namespace outpost::sync
