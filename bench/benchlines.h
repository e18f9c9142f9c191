// SPDX-License-Identifier: MIT
// Shared by the bench programs: their JSON lines and percentiles.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace outpost::bench {

/// One figure as one JSON line on stdout, flushed (the run scripts read it as it comes).
inline void printLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

/// The p-th percentile (0…1) of v, nearest rank; 0 for none.
inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

} // namespace outpost::bench
