// SPDX-License-Identifier: MIT
// outpostd's config file (INI, `outpostd --config FILE`): readConfigFile, then the same file
// through the whole command line (parseCommandLine). Each input is written to a file of its own
// (QSettings caches files by name).
#include "fuzzsupport.h"
#include "options.h"

#include <QFile>
#include <QTemporaryDir>

using namespace outpost;

OUTPOST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static QTemporaryDir dir;
    static quint64 counter = 0;
    const QString path = dir.filePath(QStringLiteral("outpostd-%1.conf").arg(++counter));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            fuzz::fail("cannot write the config file");
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    cli::DaemonOptions options;
    (void)cli::readConfigFile(path, &options);
    (void)cli::parseCommandLine({ QStringLiteral("outpostd"), QStringLiteral("--config"), path });
    QFile::remove(path);
    return 0;
}
