// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <mutex>

namespace outpost::server {

/// How hard sign-in failures are slowed down (ServiceOptions; docs/security.md).
struct ThrottleLimits {
    int userFreeFailures = 5; // failures of one user name before delays start
    int addressFreeFailures = 20; // failures from one source address (IPv6: its /64) before delays
    int baseDelaySeconds = 1; // first delay; it doubles with every further failure
    int maxDelaySeconds = 900;
    int forgetAfterSeconds = 3600; // failures older than this (since the last one) are forgotten
    int maxEntries = 100000; // per map; beyond it unlocked entries are dropped
};

/// Counts failed sign-ins per user name and per source address. After the free failures every
/// further failure locks the name (or address) for a delay that doubles each time; while locked,
/// attempts are refused (429 with Retry-After) before any password is hashed. A success resets
/// the user name's count (not the address's, so one valid account cannot launder a guessing run).
/// Thread-safe; memory bounded (maxEntries per map).
class SignInThrottle
{
public:
    using Clock = std::chrono::steady_clock;

    explicit SignInThrottle(ThrottleLimits limits)
        : m_limits(limits)
    { }

    /// Seconds to wait before this attempt may go ahead; 0 when it may.
    int retryAfter(const QString &user, const QString &address, Clock::time_point now = Clock::now());
    /// Whether the user name or address has failures on record (their attempts queue behind others).
    bool suspect(const QString &user, const QString &address, Clock::time_point now = Clock::now());
    void failed(const QString &user, const QString &address, Clock::time_point now = Clock::now());
    void succeeded(const QString &user, Clock::time_point now = Clock::now());

    /// The key of a peer ("10.0.0.7:5123", "[2001:db8::1]:443") for the address map: the IP, an
    /// IPv6 address cut to its /64 (one subscriber's block).
    static QString addressKey(const QString &peer);

private:
    struct Entry {
        int failures = 0;
        Clock::time_point lastFailure;
        Clock::time_point lockedUntil;
    };
    using Map = QHash<QString, Entry>;

    Entry *live(Map &map, const QString &key, Clock::time_point now);
    void fail(Map &map, const QString &key, int freeFailures, Clock::time_point now);
    void trim(Map &map, Clock::time_point now);

    const ThrottleLimits m_limits;
    std::mutex m_mutex;
    Map m_users;
    Map m_addresses;
};

} // namespace outpost::server
