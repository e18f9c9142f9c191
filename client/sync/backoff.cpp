// SPDX-License-Identifier: MIT
#include "backoff.h"

#include <algorithm>

namespace outpost::sync {

Backoff::Backoff(ms base, ms cap, ms floor)
    : m_base(std::max(base, ms(1)))
    , m_cap(std::max(cap, m_base))
    , m_floor(std::clamp(floor, ms(0), m_base))
    , m_random(QRandomGenerator::securelySeeded())
{ }

Backoff::ms Backoff::ceiling() const
{
    // base * 2^attempts without overflow: stop doubling once the cap is reached.
    qint64 bound = m_base.count();
    for (int i = 0; i < m_attempts && bound < m_cap.count(); ++i)
        bound *= 2;
    return ms(std::min<qint64>(bound, m_cap.count()));
}

Backoff::ms Backoff::next()
{
    const qint64 high = ceiling().count();
    const qint64 low = std::min<qint64>(m_floor.count(), high);
    ++m_attempts;
    return ms(low
        + static_cast<qint64>(
            m_random.bounded(static_cast<quint32>(std::min<qint64>(high - low + 1, 0x7fffffff)))));
}

} // namespace outpost::sync
