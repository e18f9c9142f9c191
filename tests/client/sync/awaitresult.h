// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QTest>

#include <optional>

namespace outpost::testing {

/// Runs `start(callback)` and waits (processing events, QTest::qWaitFor: no fixed sleep) until the
/// callback delivers a Result; after timeoutMs it answers Error "test_timeout" instead.
template <typename R, typename Start> R await(Start start, int timeoutMs = 60000)
{
    std::optional<R> result;
    start([&](R r) { result.emplace(std::move(r)); });
    if (result || QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return std::move(*result);
    return R(
        Error(QStringLiteral("test_timeout"), QStringLiteral("no answer in %1 s").arg(timeoutMs / 1000)));
}

} // namespace outpost::testing
