// SPDX-License-Identifier: MIT
#include "linkrate.h"

#include <algorithm>

namespace outpost::sync {

void LinkRate::observe(const QString &origin, qint64 wireBytes, qint64 nanoseconds)
{
    if (wireBytes < MinSampleBytes)
        return;
    // A whole answer within a microsecond: it was in one read, far beyond any threshold.
    const double seconds = std::max<qint64>(nanoseconds, 1000) / 1e9;
    const double rate = double(wireBytes) / seconds;
    const bool wasFast = m_fast.value(origin, false);
    if (!wasFast && rate >= FastBytesPerSecond)
        m_fast.insert(origin, true);
    else if (wasFast && rate < SlowBytesPerSecond)
        m_fast.insert(origin, false);
}

bool LinkRate::compressionPays(const QString &origin) const
{
    return !m_adaptive || !m_fast.value(origin, false);
}

} // namespace outpost::sync
