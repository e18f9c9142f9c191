// SPDX-License-Identifier: MIT
#include "writegate.h"

#include "storelogging.h"

#include <QDateTime>
#include <QDeadlineTimer>

namespace outpost::server {

namespace {
thread_local bool t_admitted = false;

Error busy()
{
    return Error(QStringLiteral("busy"),
        QStringLiteral("The server is busy with other changes; nothing was changed. Try again in a moment."));
}
} // namespace

void WriteGate::Permit::release()
{
    if (WriteGate *g = std::exchange(m_gate, nullptr))
        g->release();
}

WriteGate::Admitted::Admitted()
    : m_before(std::exchange(t_admitted, true))
{ }

WriteGate::Admitted::~Admitted()
{
    t_admitted = m_before;
}

void WriteGate::setLimits(const Limits &limits)
{
    QMutexLocker lock(&m_mutex);
    m_limits = limits;
    m_limits.writers = qMax(1, m_limits.writers);
    m_limits.queued = qMax(0, m_limits.queued);
    m_limits.waitMs = qMax(0, m_limits.waitMs);
    m_turn.wakeAll();
}

WriteGate::Limits WriteGate::limits() const
{
    QMutexLocker lock(&m_mutex);
    return m_limits;
}

int WriteGate::running() const
{
    QMutexLocker lock(&m_mutex);
    return m_running;
}

int WriteGate::waiting() const
{
    QMutexLocker lock(&m_mutex);
    return m_waiting;
}

Result<WriteGate::Permit> WriteGate::acquire()
{
    QMutexLocker lock(&m_mutex);
    if (m_running < m_limits.writers && m_waiting == 0) {
        ++m_running;
        return Permit(this);
    }
    bool ok = false;
    if (m_waiting < m_limits.queued || t_admitted) {
        ++m_waiting;
        const QDeadlineTimer deadline(m_limits.waitMs);
        while (m_running >= m_limits.writers && m_turn.wait(&m_mutex, deadline)) { }
        --m_waiting;
        ok = m_running < m_limits.writers;
    }
    if (ok) {
        ++m_running;
        return Permit(this);
    }
    // Refusals come in bursts under load: one log line per 10 s with their count.
    ++m_refused;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastReport >= 10000) {
        qCInfo(lcStore).noquote() << QStringLiteral("busy: refused %1 write(s); %2 running, %3 waiting "
                                                    "(limits: %4 writers, %5 queued, %6 ms)")
                                         .arg(m_refused)
                                         .arg(m_running)
                                         .arg(m_waiting)
                                         .arg(m_limits.writers)
                                         .arg(m_limits.queued)
                                         .arg(m_limits.waitMs);
        m_refused = 0;
        m_lastReport = now;
    }
    return busy();
}

void WriteGate::release()
{
    QMutexLocker lock(&m_mutex);
    --m_running;
    m_turn.wakeOne();
}

} // namespace outpost::server
