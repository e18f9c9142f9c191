// SPDX-License-Identifier: MIT
// The bench process's own resource use, from getrusage: what every bench line reports beside wall time.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <sys/resource.h>
#include <unistd.h>

namespace outpost::bench {

inline double peakRssMb()
{
    struct rusage ru {
    };
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_maxrss) / 1024.0;
}

/// User + system CPU seconds of this process: on a shared machine wall time alone says little.
inline double cpuSeconds()
{
    struct rusage ru {
    };
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
        + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/// User + system CPU seconds of another process (the server), from /proc/PID/stat; 0 when unknown.
inline double processCpuSeconds(qint64 pid)
{
    if (pid <= 0)
        return 0;
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // The command name may contain spaces; the fields after its closing parenthesis are fixed
    // (state is the 3rd of the line, utime the 14th, stime the 15th).
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

} // namespace outpost::bench
