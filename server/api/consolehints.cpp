// SPDX-License-Identifier: MIT
#include "consolehints.h"

#include <QTimer>

namespace outpost::server {

ConsoleHints::ConsoleHints(Send send, int intervalMs)
    : m_send(std::move(send))
    , m_intervalMs(intervalMs)
{
    m_clock.start();
}

void ConsoleHints::hint(const QString &topic, bool broadcast)
{
    if (!m_timer) { // made on the worker's thread, where it fires
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &ConsoleHints::flush);
    }
    Topic &t = m_topics[topic];
    const qint64 now = m_clock.elapsed();
    if (!t.pending && (t.lastSentMs < 0 || now - t.lastSentMs >= m_intervalMs)) {
        t.lastSentMs = now;
        m_send(topic, broadcast);
        return;
    }
    t.pending = true;
    t.broadcast = t.broadcast || broadcast;
    schedule();
}

void ConsoleHints::flush()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_topics.begin(); it != m_topics.end(); ++it) {
        Topic &t = it.value();
        if (!t.pending || now - t.lastSentMs < m_intervalMs)
            continue;
        const bool broadcast = t.broadcast;
        t = Topic { now, false, false };
        m_send(it.key(), broadcast);
    }
    schedule();
}

void ConsoleHints::schedule()
{
    qint64 next = -1;
    const qint64 now = m_clock.elapsed();
    for (const Topic &t : std::as_const(m_topics))
        if (t.pending) {
            const qint64 due = qMax<qint64>(0, t.lastSentMs + m_intervalMs - now);
            next = next < 0 ? due : qMin(next, due);
        }
    if (next >= 0 && (!m_timer->isActive() || m_timer->remainingTime() > next))
        m_timer->start(int(next));
}

} // namespace outpost::server
