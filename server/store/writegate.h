// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QMutex>
#include <QWaitCondition>

#include <utility>

namespace outpost::server {

/// Caps the write transactions running at once, and those waiting for a turn. Writers are serialised
/// by the change sequence anyway, so more than a few at once only park handler threads on a database
/// lock; capped here, before a transaction begins, the waiting stays bounded and the rest of the
/// handler threads keep serving reads. A writer beyond the queue, or one that waited `waitMs` in it,
/// gets the Error "busy" (HTTP 503 with Retry-After): nothing was changed, send it again later.
class WriteGate
{
public:
    struct Limits {
        int writers = 2; // write transactions at once
        int queued = 4; // writers waiting for a turn; more are refused at once
        int waitMs = 10000; // the longest a writer waits for its turn
    };

    /// Holds one turn; released when destroyed (or by release()). Move-only.
    class Permit
    {
    public:
        Permit() = default;
        Permit(Permit &&other) noexcept
            : m_gate(std::exchange(other.m_gate, nullptr))
        { }
        Permit &operator=(Permit &&other) noexcept
        {
            if (this != &other) {
                release();
                m_gate = std::exchange(other.m_gate, nullptr);
            }
            return *this;
        }
        Permit(const Permit &) = delete;
        Permit &operator=(const Permit &) = delete;
        ~Permit() { release(); }
        void release();
        bool held() const { return m_gate != nullptr; }

    private:
        friend class WriteGate;
        explicit Permit(WriteGate *gate)
            : m_gate(gate)
        { }
        WriteGate *m_gate = nullptr;
    };

    /// Marks the writes of this thread, while it lives, as admitted already: the upload lane (the
    /// transport's, see http::ServerOptions::writeLaneThreads) bounds how many of them wait, so they
    /// wait their turn (up to waitMs) even when the queue is full of other writers, instead of being
    /// refused after the lane let them in.
    class Admitted
    {
    public:
        Admitted();
        ~Admitted();
        Admitted(const Admitted &) = delete;
        Admitted &operator=(const Admitted &) = delete;

    private:
        bool m_before;
    };

    void setLimits(const Limits &limits);
    Limits limits() const;
    /// A turn, after waiting at most limits().waitMs; "busy" when the queue is full or the wait ran out.
    Result<Permit> acquire();

    int running() const;
    int waiting() const;

private:
    void release();

    mutable QMutex m_mutex;
    QWaitCondition m_turn;
    Limits m_limits;
    int m_running = 0;
    int m_waiting = 0;
    qint64 m_refused = 0;
    qint64 m_lastReport = 0;
};

} // namespace outpost::server
