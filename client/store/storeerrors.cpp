// SPDX-License-Identifier: MIT
#include "storeerrors.h"

#include "storedb.h"

#include <QCoreApplication>
#include <QSqlError>

#include <cerrno>

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};
constexpr int SqliteFull = 13; // SQLITE_FULL; its extended codes keep it in the low byte
} // namespace

bool isSqliteFull(int resultCode)
{
    return (resultCode & 0xff) == SqliteFull;
}

bool isDiskFull(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok && isSqliteFull(code);
}

bool isNoSpace(int errnum)
{
#ifdef EDQUOT
    if (errnum == EDQUOT)
        return true;
#endif
    return errnum == ENOSPC;
}

Error diskFullError(const QString &detail)
{
    qCWarning(lcStore) << "the disk is full:" << detail;
    return Error(QString::fromLatin1(DiskFullCode),
        Tr::tr("The device's disk is full: nothing was saved. Free some space, then save again."));
}

bool isDiskFull(const Error &error)
{
    return error.code == QLatin1String(DiskFullCode);
}

} // namespace outpost::client
