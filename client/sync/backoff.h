// SPDX-License-Identifier: MIT
#pragma once

#include <QRandomGenerator>

#include <chrono>

namespace outpost::sync {

/// Exponential backoff with full jitter: the n-th delay after consecutive failures is drawn
/// uniformly from [floor, min(cap, base * 2^n)]. Reset on success. Not thread-safe (one owner).
class Backoff
{
public:
    using ms = std::chrono::milliseconds;

    explicit Backoff(ms base = std::chrono::seconds(1), ms cap = std::chrono::minutes(5), ms floor = ms(100));

    /// The delay to wait before the next attempt; counts one more failure.
    ms next();
    /// The upper bound next() draws from now (before counting the failure).
    ms ceiling() const;
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }

    /// A fixed seed makes the sequence reproducible (tests); the default is seeded randomly.
    void seed(quint32 value) { m_random.seed(value); }

    ms base() const { return m_base; }
    ms cap() const { return m_cap; }
    ms floor() const { return m_floor; }

private:
    ms m_base;
    ms m_cap;
    ms m_floor;
    int m_attempts = 0;
    QRandomGenerator m_random;
};

} // namespace outpost::sync
