// SPDX-License-Identifier: MIT
// The bench process's own resource use, from getrusage: what every bench line reports beside wall time.
#pragma once

#include <sys/resource.h>

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

} // namespace outpost::bench
