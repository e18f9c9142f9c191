// SPDX-License-Identifier: MIT
#include "storetestutil.h"
class TstStoredurability : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TstStoredurability)
#include "tst_store_durability.moc"
