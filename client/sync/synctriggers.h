// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace outpost::sync {

/// Where "the machine woke up" comes from. Tests emit resumed() themselves; the app uses
/// LogindSleepSource (Linux). On Windows the same would come from WM_POWERBROADCAST with
/// PBT_APMRESUMEAUTOMATIC (a native event filter on the GUI thread); not built yet.
class SleepSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    /// The machine resumed from suspend or hibernation.
    void resumed();
};

/// logind's `PrepareForSleep(false)` on the system bus (org.freedesktop.login1.Manager). Without a
/// system bus (containers, tests, other systems) it says so once in the log and never fires.
class LogindSleepSource : public SleepSource
{
    Q_OBJECT
public:
    explicit LogindSleepSource(QObject *parent = nullptr);
    /// Whether the system bus answered and the signal is subscribed.
    bool isListening() const { return m_listening; }

private Q_SLOTS:
    void prepareForSleep(bool sleeping);

private:
    bool m_listening = false;
};

/// When the sync engine starts a cycle, apart from the user and the push channel: at start-up,
/// every interval (counted from the last cycle's start, so a sync for another reason postpones
/// the next periodic one), at once when the server is reachable again, and when the machine
/// resumes from sleep. A new interval is honoured at once: when the last cycle is older than it,
/// the sync runs now, otherwise when the new interval has passed since that cycle.
///
/// The clock and the sleep source are injected (tests drive both); the default clock is a
/// monotonic QElapsedTimer. Lives on the engine's thread.
class SyncTriggers : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<std::chrono::milliseconds()>;

    explicit SyncTriggers(QObject *parent = nullptr);

    void setClock(Clock clock);
    /// Takes ownership; null: no sleep source (no resume trigger).
    void setSleepSource(SleepSource *source);
    SleepSource *sleepSource() const { return m_sleep; }
    void setPeriodic(bool periodic);
    /// At least 1 s. Takes effect at once (see the class comment).
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }
    /// When the periodic sync is due from now (-1 ms when not armed: stopped or not periodic).
    std::chrono::milliseconds dueIn() const;

    /// Arms the triggers; `atStart`: a "start-up" trigger from the event loop right away.
    void start(bool atStart);
    void stop();
    bool isRunning() const { return m_running; }

public Q_SLOTS:
    /// A cycle began (for any reason): the interval counts from now.
    void cycleStarted();
    /// The server became reachable again (Reachability::regained).
    void networkRegained();

Q_SIGNALS:
    /// A sync should run; `why` for the log ("timer", "start-up", "reachable again", "resumed").
    void triggered(const QString &why);
    /// The machine woke up (before triggered("resumed from sleep")): probe the network now.
    void resumed();

private:
    void arm();
    void fire(const QString &why);

    Clock m_clock;
    SleepSource *m_sleep = nullptr;
    QTimer m_timer;
    std::chrono::milliseconds m_interval { std::chrono::minutes(5) };
    std::chrono::milliseconds m_lastCycle { 0 };
    bool m_periodic = true;
    bool m_running = false;
};

} // namespace outpost::sync
