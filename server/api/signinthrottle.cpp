// SPDX-License-Identifier: MIT
#include "signinthrottle.h"

#include <QHostAddress>

#include <algorithm>
#include <cmath>

namespace outpost::server {

using std::chrono::seconds;

QString SignInThrottle::addressKey(const QString &peer)
{
    QString host = peer;
    if (host.startsWith(QLatin1Char('['))) {
        host = host.mid(1, host.indexOf(QLatin1Char(']')) - 1);
    } else if (host.count(QLatin1Char(':')) == 1) {
        host = host.left(host.indexOf(QLatin1Char(':')));
    }
    QHostAddress address(host);
    if (address.isNull())
        return host;
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        return QHostAddress(v4).toString();
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        Q_IPV6ADDR bytes = address.toIPv6Address();
        std::fill(bytes.c + 8, bytes.c + 16, quint8(0));
        return QHostAddress(bytes).toString() + QStringLiteral("/64");
    }
    return address.toString();
}

SignInThrottle::Entry *SignInThrottle::live(Map &map, const QString &key, Clock::time_point now)
{
    auto it = map.find(key);
    if (it == map.end())
        return nullptr;
    if (now - it->lastFailure > seconds(m_limits.forgetAfterSeconds) && now >= it->lockedUntil) {
        map.erase(it);
        return nullptr;
    }
    return &*it;
}

int SignInThrottle::retryAfter(const QString &user, const QString &address, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    Clock::time_point until = now;
    for (const Entry *e : { live(m_users, user, now), live(m_addresses, address, now) })
        if (e)
            until = std::max(until, e->lockedUntil);
    if (until <= now)
        return 0;
    const double s = std::chrono::duration<double>(until - now).count();
    return std::max(1, int(std::ceil(s)));
}

bool SignInThrottle::suspect(const QString &user, const QString &address, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    return live(m_users, user, now) || live(m_addresses, address, now);
}

void SignInThrottle::fail(Map &map, const QString &key, int freeFailures, Clock::time_point now)
{
    Entry *e = live(map, key, now);
    if (!e) {
        trim(map, now);
        e = &map[key];
    }
    ++e->failures;
    e->lastFailure = now;
    const int over = e->failures - freeFailures;
    if (over > 0) {
        // 1, 2, 4 … seconds (times the base), at most maxDelaySeconds.
        const int shift = std::min(over - 1, 30);
        const qint64 delay
            = std::min<qint64>(qint64(m_limits.baseDelaySeconds) << shift, m_limits.maxDelaySeconds);
        e->lockedUntil = std::max(e->lockedUntil, now + seconds(delay));
    }
}

void SignInThrottle::failed(const QString &user, const QString &address, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    fail(m_users, user, m_limits.userFreeFailures, now);
    fail(m_addresses, address, m_limits.addressFreeFailures, now);
}

void SignInThrottle::succeeded(const QString &user, Clock::time_point)
{
    std::lock_guard lock(m_mutex);
    m_users.remove(user);
}

void SignInThrottle::trim(Map &map, Clock::time_point now)
{
    if (map.size() < m_limits.maxEntries)
        return;
    // First what is forgotten anyway, then (a flood of new names) everything not locked right now.
    map.removeIf([&](const Map::iterator &it) {
        return now - it->lastFailure > seconds(m_limits.forgetAfterSeconds) && now >= it->lockedUntil;
    });
    if (map.size() >= m_limits.maxEntries)
        map.removeIf([&](const Map::iterator &it) { return now >= it->lockedUntil; });
}

} // namespace outpost::server
