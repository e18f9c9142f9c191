// SPDX-License-Identifier: MIT
#include "background.h"

#include <QThreadPool>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace outpost {

void lowerCurrentThreadPriority()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    // On Linux a thread has its own nice value (setpriority on its thread id).
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        (void)::setpriority(PRIO_PROCESS, tid, nice + 5);
#endif
}

QThreadPool *backgroundPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool; // lives as long as the process: tasks may still run at exit
        p->setMaxThreadCount(2);
        p->setObjectName(QStringLiteral("outpost-background"));
        p->setThreadPriority(QThread::LowPriority);
        return p;
    }();
    return pool;
}

} // namespace outpost
