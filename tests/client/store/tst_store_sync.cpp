// SPDX-License-Identifier: MIT
#include "storetestutil.h"
class TstStoresync : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TstStoresync)
#include "tst_store_sync.moc"
