// SPDX-License-Identifier: MIT
#pragma once

// What every fuzz target shares: a quiet Qt (no log lines per input), a QCoreApplication for the
// code that wants one, and the input as a QByteArray. A target defines LLVMFuzzerTestOneInput and
// calls OUTPOST_FUZZ_INIT() once at file scope.

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace outpost::fuzz {

/// Creates the QCoreApplication and silences qDebug/qWarning (qFatal still aborts).
void init(int *argc, char ***argv);

inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// A property every input must keep broke: abort so libFuzzer (or the replay) reports the input.
[[noreturn]] void fail(const char *what);

} // namespace outpost::fuzz

#define OUTPOST_FUZZ_INIT()                                                                                  \
    extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)                                             \
    {                                                                                                        \
        outpost::fuzz::init(argc, argv);                                                                     \
        return 0;                                                                                            \
    }
