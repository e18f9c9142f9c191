// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace outpost::server {

/// Coalesces the operations console's live hints ({"type":"console","topic":…}): at most one per
/// topic per interval. The first hint of a quiet topic goes out at once; hints within the interval
/// after it are folded into one that goes out as the interval ends. A worker QObject on its own
/// thread (Notifier runs it on `outpostd-hints`); `send` is called there.
class ConsoleHints : public QObject
{
    Q_OBJECT
public:
    /// topic, and whether other instances must hear of it too (a hint from one of them: false).
    using Send = std::function<void(const QString &topic, bool broadcast)>;
    ConsoleHints(Send send, int intervalMs);

    Q_INVOKABLE void hint(const QString &topic, bool broadcast);

private:
    void flush();
    void schedule();

    struct Topic {
        qint64 lastSentMs = -1; // on m_clock
        bool pending = false;
        bool broadcast = false;
    };

    Send m_send;
    int m_intervalMs;
    QElapsedTimer m_clock;
    QHash<QString, Topic> m_topics;
    QTimer *m_timer = nullptr;
};

} // namespace outpost::server
