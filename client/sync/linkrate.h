// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

namespace outpost::sync {

/// Whether compressing answers and uploads pays on the link to each server, judged from how fast
/// large answers arrive.
///
/// Compression trades CPU for bytes: outpostd deflates a 2.75 MB feed page of 5,000 changes to
/// 285 KB in about 70 ms, and the client inflates it in about 10 ms. Over a field link (mobile
/// data, 1 Mbit/s) that saves seconds a page; on a gigabit LAN or loopback the bytes would have
/// arrived in a few milliseconds and the 80 ms are all cost (the full sync of 50,000 cases on one
/// machine took outpostd 1.1 s of CPU more). The break-even is near 30 MB/s on the wire. So a
/// server is sent "Accept-Encoding: identity" while its large answers arrive at 60 MB/s or more,
/// and deflate again once one arrives below 30 MB/s (a laptop leaving the office LAN for a
/// phone's hotspot). Unknown links start compressed: the first sync of a day in the field must
/// not pay for the office's fast link.
///
/// Lives on the transport's thread; origins are "scheme://host:port".
class LinkRate
{
public:
    /// Answers shorter than this (on the wire) say too little about the link.
    static constexpr qint64 MinSampleBytes = 128 * 1024;
    static constexpr double FastBytesPerSecond = 60.0 * 1024 * 1024;
    static constexpr double SlowBytesPerSecond = 30.0 * 1024 * 1024;

    /// When off, every link counts as slow (compression always): for tests of the compression itself.
    void setAdaptive(bool adaptive) { m_adaptive = adaptive; }

    /// An answer's body of `wireBytes` (as sent, compressed or not) took `nanoseconds` from its
    /// first bytes to its last. Short answers are ignored.
    void observe(const QString &origin, qint64 wireBytes, qint64 nanoseconds);

    /// Whether answers from and uploads to `origin` should be compressed.
    bool compressionPays(const QString &origin) const;

private:
    bool m_adaptive = true;
    QHash<QString, bool> m_fast; // origins seen: true while their link is fast
};

} // namespace outpost::sync
